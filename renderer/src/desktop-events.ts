// Wires the host's events to the stores: refresh what's on screen, counts, sync state, lock, notices.
import { desktopApi } from './api/client.js';
import { clearContent } from './stores/clear-content.js';
import { useCurrentMessageStore } from './stores/current-message-store.js';
import { useLockStore } from './stores/lock-store.js';
import { useMessageListStore, useTodoStore } from './stores/message-list-store.js';
import { useNoticeStore } from './stores/notice-store.js';
import { usePortalStore } from './stores/portal-store.js';
import { useRouteStore } from './stores/route-store.js';
import { useSearchStore } from './stores/search-store.js';
import { mayRefreshNow } from './stores/send-in-flight.js';
import { useSessionStore } from './stores/session-store.js';
import { useSyncStore } from './stores/sync-store.js';
import { useTemplatesStore } from './stores/templates-store.js';
import { useUnreadStore } from './stores/unread-store.js';

/** Sync may report a change per stored page; refreshes are coalesced to one per this interval. */
const REFRESH_COALESCE_MS = 150;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

/** Re-reads whatever is showing for the current practice (soon, once, however many changes arrive). */
export function refreshVisible(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = null;
    refreshNow();
  }, REFRESH_COALESCE_MS);
}

function refreshNow(): void {
  if (!mayRefreshNow(refreshNow)) return;
  const practiceId = useSessionStore.getState().practiceId;
  if (!practiceId || useLockStore.getState().locked) return;
  const list = useMessageListStore.getState();
  if (list.practiceId === practiceId) void list.refresh();
  const todo = useTodoStore.getState();
  if (todo.practiceId === practiceId) void todo.refresh();
  void useCurrentMessageStore.getState().refresh();
  if (usePortalStore.getState().practiceId === practiceId) void usePortalStore.getState().refresh();
  if (useTemplatesStore.getState().practiceId === practiceId) void useTemplatesStore.getState().refresh();
  const search = useSearchStore.getState();
  if (search.query) void search.run(practiceId, search.query);
}

/** Subscribes to every desktop event; returns the unsubscribe. */
export function subscribeToDesktopEvents(): () => void {
  const api = desktopApi();
  const offs = [
    api.on('changed', ({ practiceIds }) => {
      const session = useSessionStore.getState();
      if (session.practiceId && practiceIds.includes(session.practiceId)) refreshVisible();
      // Roles (who sees the Audit view) are known once the directory has synced.
      if (session.session?.practices.some((p) => p.role === null)) void session.refreshRoles();
    }),
    api.on('unreadCount', (counts) => useUnreadStore.getState().set(counts)),
    api.on('syncStatus', (status) => {
      useSyncStore.getState().setStatus(status);
      // The engine signed out on its own (e.g. the token was revoked): show the sign-in form.
      if (status.state === 'signedOut' && useSessionStore.getState().session?.signedIn) {
        clearContent();
        void useSessionStore.getState().load();
      }
    }),
    api.on('showMessage', ({ practiceId, messageId }) => {
      const session = useSessionStore.getState();
      if (session.practiceId !== practiceId) session.selectPractice(practiceId);
      useRouteStore.getState().openMessage(messageId, 'inbox');
    }),
    api.on('cacheRecovered', () =>
      useNoticeStore
        .getState()
        .show('The local message cache was damaged, so it was set aside and is being rebuilt from the server.'),
    ),
    api.on('locked', ({ locked }) => {
      useLockStore.getState().setLocked(locked);
      if (locked) clearContent();
      else refreshVisible();
    }),
  ];
  return () => offs.forEach((off) => off());
}
