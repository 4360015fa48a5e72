// What follows each stored sync page or local change: the sync counts and the UI's `changed` event,
// the unread badge (published only when it changed), OS notifications for new incoming messages
// (after the backfill), and search indexing in the writer thread, which trails storage.
import type { DesktopEventName, DesktopEventPayload } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import type { StoredPageSummary } from '../cache/writer/write-ops.js';
import { selectNotifiable } from '../notify/notification-rules.js';
import type { StatusTracker } from './status-tracker.js';

export interface PageEffectsDeps {
  cache: AccountCache;
  practiceIds: string[];
  status: StatusTracker;
  emit<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void;
  /** Raises notifications for these new messages (the workflow: urgent at once, the rest as a burst). */
  notify(messages: Message[]): void;
  /** The page's other effects (the workflow: snoozed messages woken by it). */
  afterPage(page: StoredPageSummary): void;
  afterLocalChange(): void;
}

export class PageEffects {
  private syncedMessages: number;
  private lastUnread = '';
  private indexing: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: PageEffectsDeps) {
    this.syncedMessages = deps.cache.reader.messageCount();
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
    this.deps.notify(
      selectNotifiable(page.newMessages, {
        initialSyncDone: initialDone,
        portalMessagesShown: (id) => cache.reader.settings(id).portalMessagesInInbox,
      }),
    );
    this.deps.afterPage(page);
  }

  /** After a local action or a directory load: the UI, the outbox count, the badge and the index. */
  afterLocalChange(practiceIds: string[]): void {
    if (this.stopped || !this.deps.cache.reader.isOpen) return;
    this.deps.status.update({ pendingOutbox: this.deps.cache.reader.pendingOutboxCount() });
    this.deps.emit('changed', { practiceIds });
    this.publishUnread();
    this.indexForSearch();
    this.deps.afterLocalChange();
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
  }
}
