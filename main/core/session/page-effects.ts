// What follows each stored sync page or local change: the sync counts and the UI's `changed` event,
// the unread badge (published only when it changed), OS notifications for new incoming messages
// (after the backfill), and search indexing in the writer thread, which trails storage.
import type { DesktopEventName, DesktopEventPayload, NotificationPrivacy } from '../../../common/desktop/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import type { StoredPageSummary } from '../cache/writer/write-ops.js';
import type { Notifier } from '../host-ports.js';
import { NotificationDispatcher } from '../notify/notification-dispatcher.js';
import { selectNotifiable } from '../notify/notification-rules.js';
import type { StatusTracker } from './status-tracker.js';

export interface PageEffectsDeps {
  cache: AccountCache;
  practiceIds: string[];
  status: StatusTracker;
  notifier: Notifier;
  privacy(): NotificationPrivacy;
  notificationWindowMs: number;
  emit<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void;
}

export class PageEffects {
  private readonly notifications: NotificationDispatcher;
  private syncedMessages: number;
  private lastUnread = '';
  private indexing: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: PageEffectsDeps) {
    const { cache } = deps;
    this.syncedMessages = cache.reader.messageCount();
    this.notifications = new NotificationDispatcher({
      notifier: deps.notifier,
      privacy: deps.privacy,
      windowMs: deps.notificationWindowMs,
      stillNotifiable: (m) => cache.reader.isOpen && cache.reader.notifiable(m.id),
      // The one path of a click: the engine opens the message, whichever host raised the notification.
      onClick: (target) => deps.emit('showMessage', target),
    });
  }

  get messageCount(): number {
    return this.syncedMessages;
  }

  /** After a stored batch of pages; `initialDone` is the backfill flag as it was before the batch. */
  afterPage(page: StoredPageSummary, initialDone: boolean): void {
    if (this.stopped) return;
    const { cache, status, emit } = this.deps;
    this.syncedMessages += page.insertedCount;
    status.update({ syncedMessages: this.syncedMessages, initialSyncDone: cache.reader.initialSyncDone() });
    if (page.practiceIds.length > 0) emit('changed', { practiceIds: page.practiceIds });
    this.publishUnread();
    this.indexForSearch();
    this.notifications.add(
      selectNotifiable(page.newMessages, {
        initialSyncDone: initialDone,
        portalMessagesShown: (id) => cache.reader.settings(id).portalMessagesInInbox,
      }),
    );
  }

  /** After a local action or a directory load: the UI, the outbox count, the badge and the index. */
  afterLocalChange(practiceIds: string[]): void {
    if (this.stopped || !this.deps.cache.reader.isOpen) return;
    this.deps.status.update({ pendingOutbox: this.deps.cache.reader.pendingOutboxCount() });
    this.deps.emit('changed', { practiceIds });
    this.publishUnread();
    this.indexForSearch();
  }

  publishUnread(): void {
    const { cache } = this.deps;
    if (this.stopped || !cache.reader.isOpen) return;
    const counts = cache.reader.unreadCounts(this.deps.practiceIds);
    const key = JSON.stringify(counts);
    if (key === this.lastUnread) return;
    this.lastUnread = key;
    this.deps.emit('unreadCount', counts);
  }

  /** Search indexing trails storage: after the backfill, in the writer thread, between its other writes. */
  indexForSearch(): void {
    const { cache } = this.deps;
    if (this.indexing || this.stopped || !cache.reader.isOpen || !cache.reader.initialSyncDone()) return;
    this.indexing = cache.writer
      .indexForSearch()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        this.indexing = null;
      });
  }

  stop(): void {
    this.stopped = true;
    this.notifications.stop();
  }
}
