// Test harness: a fresh fake API and fresh stores per test, jsdom layout for the virtualizer, and the App.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { StoreApi } from 'zustand';
import { setDesktopApiForTests } from '../api/client.js';
import { App } from '../App.js';
import { useAuditStore } from '../stores/audit-store.js';
import { useComposeStore } from '../stores/compose-store.js';
import { useCurrentMessageStore } from '../stores/current-message-store.js';
import { useLockStore } from '../stores/lock-store.js';
import { useManagedPolicyStore } from '../stores/managed-policy-store.js';
import { useMessageListStore, useTodoStore } from '../stores/message-list-store.js';
import { useNoticeStore } from '../stores/notice-store.js';
import { usePortalStore } from '../stores/portal-store.js';
import { useRouteStore } from '../stores/route-store.js';
import { useSearchStore } from '../stores/search-store.js';
import { useSessionStore } from '../stores/session-store.js';
import { useSettingsStore } from '../stores/settings-store.js';
import { useSyncStore } from '../stores/sync-store.js';
import { useTemplatesStore } from '../stores/templates-store.js';
import { useUnreadStore } from '../stores/unread-store.js';
import { createFakeDesktopApi, type FakeOptions } from './fake-desktop-api.js';

const fresh =
  <T,>(store: StoreApi<T>) =>
  () =>
    store.setState(store.getInitialState(), true);

const stores = [
  fresh(useComposeStore),
  fresh(useCurrentMessageStore),
  fresh(useLockStore),
  fresh(useManagedPolicyStore),
  fresh(useMessageListStore),
  fresh(useTodoStore),
  fresh(useNoticeStore),
  fresh(useRouteStore),
  fresh(useSearchStore),
  fresh(useSessionStore),
  fresh(useSettingsStore),
  fresh(useSyncStore),
  fresh(useUnreadStore),
  fresh(usePortalStore),
  fresh(useTemplatesStore),
  fresh(useAuditStore),
];

// jsdom has no layout; the virtualizer needs a viewport height to decide which rows to render.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

/** Fresh stores, as in a newly opened window. */
export function resetStores() {
  useComposeStore.getState().reset();
  for (const reset of stores) reset();
}

// jsdom has no Blob URLs; attachment previews and downloads only need a string back.
URL.createObjectURL ??= () => 'blob:test';
URL.revokeObjectURL ??= () => undefined;

afterEach(() => {
  cleanup();
  resetStores();
});

export async function renderApp(options: FakeOptions = {}) {
  const api = createFakeDesktopApi(options);
  setDesktopApiForTests(api);
  const user = userEvent.setup();
  const utils = render(<App />);
  if (options.signedIn !== false) await screen.findByRole('heading', { name: 'Shortcuts' });
  return { api, user, ...utils };
}

/** Opens the Messages window from the Dashboard's Shortcuts. */
export async function openMessages(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Messages' }));
  return screen.findByRole('list', { name: 'Inbox messages' });
}
