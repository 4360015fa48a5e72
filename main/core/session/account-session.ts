// A signed-in account at run time: its cache, server client, live socket, sync puller, outbox
// flusher and notifications, wired so a `changes` hint or a reconnect pulls, and every stored
// page updates the badge, the UI and (after the backfill) the notifications.
import fs from 'node:fs';
import path from 'node:path';
import type {
  DesktopEventName,
  DesktopEventPayload,
  NotificationPrivacy,
  WorkflowPreferences,
} from '../../../common/desktop/index.js';
import type { Party, PracticeRef, SessionUser } from '../../../common/http/index.js';
import { AccountCache } from '../cache/account-cache.js';
import type { StoredPageSummary } from '../cache/writer/write-ops.js';
import { DEFAULT_SYNC_PAGE, MAX_SYNC_PAGE } from '../../../common/limits.js';
import { FileStore } from '../files/file-store.js';
import type { Notifier } from '../host-ports.js';
import { NotificationDispatcher } from '../notify/notification-dispatcher.js';
import { selectNotifiable } from '../notify/notification-rules.js';
import { isQuietTime } from '../notify/quiet-hours.js';
import { OutboxFlusher } from '../outbox/outbox-flusher.js';
import { Backoff } from '../sync/backoff.js';
import { LiveSocket } from '../sync/live-socket.js';
import { NetworkError, ServerError, ServerClient } from '../sync/server-client.js';
import { SyncPuller } from '../sync/sync-puller.js';
import { WorkflowClient } from '../sync/workflow-client.js';
import { StatusTracker } from './status-tracker.js';
import { WorkflowSession } from './workflow-session.js';

/** How long a send waits for its first delivery attempt before the UI shows it as pending. */
export const FIRST_DELIVERY_WAIT_MS = 1500;

export interface AccountSessionOptions {
  accountDir: string;
  serverUrl: string;
  token: string;
  user: SessionUser;
  practices: PracticeRef[];
  cacheKey: string;
  cacheKeyWasKnown: boolean;
  notifier: Notifier;
  privacy(): NotificationPrivacy;
  /** Urgent re-alert minutes and quiet hours, read when used (they change in Message Settings). */
  alertPreferences(): WorkflowPreferences;
  /** A "minute" of the re-alert preference, in ms (tests shorten it). */
  minuteMs: number;
  emit<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void;
  status: StatusTracker;
  onAuthRejected(): void;
  /** Fixed page size (tests); by default the largest page during the backfill, then 500. */
  syncPageSize: number | undefined;
  notificationWindowMs: number;
}

export class AccountSession {
  readonly cache: AccountCache;
  readonly client: ServerClient;
  readonly files: FileStore;
  /** The signed-in user as the sender of what they queue. */
  readonly me: Party;
  readonly flusher: OutboxFlusher;
  readonly puller: SyncPuller;
  readonly workflow: WorkflowSession;
  private readonly socket: LiveSocket;
  private readonly notifications: NotificationDispatcher;
  private readonly pullBackoff = new Backoff(500, 60_000);
  private pullRetry: NodeJS.Timeout | null = null;
  private syncedMessages: number;
  private lastUnread = '';
  private directoryLoaded = false;
  private indexing: Promise<void> | null = null;
  private stopped = false;

  /** Opens the account's cache (checked off the event loop) and wires the session over it. */
  static async open(o: AccountSessionOptions): Promise<AccountSession> {
    fs.mkdirSync(o.accountDir, { recursive: true, mode: 0o700 });
    const file = path.join(o.accountDir, 'cache.db');
    const cache = await AccountCache.open(file, o.cacheKey, o.cacheKeyWasKnown, o.user.id);
    try {
      await cache.writer.replacePractices(o.practices);
    } catch (error) {
      await cache.close();
      throw error;
    }
    return new AccountSession(o, cache);
  }

  private constructor(
    private readonly o: AccountSessionOptions,
    cache: AccountCache,
  ) {
    this.cache = cache;
    this.files = new FileStore(o.accountDir, o.cacheKey);
    this.client = new ServerClient(o.serverUrl, o.token);
    this.client.onReachable = () => this.onNetworkUp();
    this.me = { kind: 'staff', id: o.user.id, name: o.user.name };
    this.syncedMessages = this.cache.reader.messageCount();
    this.notifications = new NotificationDispatcher({
      notifier: o.notifier,
      privacy: o.privacy,
      windowMs: o.notificationWindowMs,
      // Muted threads stay silent, except for urgent messages.
      stillNotifiable: (m) =>
        this.cache.reader.isOpen &&
        this.cache.reader.notifiable(m.id) &&
        (m.priority === 'urgent' || !this.cache.reader.workflow.threadMuted(m.threadId)),
      onClick: (target) => o.emit('showMessage', target),
      quiet: () => isQuietTime(o.alertPreferences().quietHours, new Date()),
    });
    this.workflow = new WorkflowSession({
      cache: this.cache,
      client: new WorkflowClient(this.client),
      dispatcher: this.notifications,
      alertPreferences: o.alertPreferences,
      minuteMs: o.minuteMs,
      onChanged: () => this.localChange(this.o.practices.map((p) => p.id)),
    });
    this.puller = new SyncPuller({
      cache: this.cache,
      client: this.client,
      pageSize: o.syncPageSize ?? DEFAULT_SYNC_PAGE,
      backfillPageSize: o.syncPageSize ?? MAX_SYNC_PAGE,
      onPage: (page, initialDone) => this.afterPage(page, initialDone),
    });
    this.flusher = new OutboxFlusher({
      cache: this.cache,
      client: this.client,
      files: this.files,
      onChanged: (ids) => this.localChange(ids),
      onRetryable: (error) => this.onNetworkError(error),
      onAuthRejected: () => this.o.onAuthRejected(),
    });
    this.socket = new LiveSocket(o.serverUrl, o.token, {
      onReady: () => {
        this.o.status.update({ lastError: null });
        this.pull();
        void this.flusher.kick();
      },
      onChanges: () => this.pull(),
      onDown: () => this.o.status.update({ state: 'offline' }),
      onAuthRejected: () => this.o.onAuthRejected(),
    });
  }

  start(): void {
    if (this.cache.recovered) this.o.emit('cacheRecovered', { ...this.cache.recovered });
    this.o.status.update({
      state: 'connecting',
      syncedMessages: this.syncedMessages,
      initialSyncDone: this.puller.initialSyncDone,
      lastError: null,
      pendingOutbox: this.cache.reader.pendingOutboxCount(),
    });
    this.publishUnread();
    this.indexForSearch();
    this.workflow.start();
    this.socket.start();
    this.pull();
    void this.flusher.kick();
  }

  /** Network back (OS event, or any answer from the server): retry everything at once. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.socket.reconnectNow();
    this.pull();
    void this.flusher.kick();
  }

  /** Starts a pull (or folds into the running one); failures schedule a retry with backoff. */
  pull(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.pullRetry) clearTimeout(this.pullRetry);
    this.pullRetry = null;
    if (!this.puller.initialSyncDone || this.o.status.current.state !== 'online') {
      this.o.status.update({ state: 'syncing' });
    }
    return this.puller.pull().then(
      () => {
        if (this.stopped) return;
        this.pullBackoff.reset();
        this.o.status.update({ state: this.socket.isReady ? 'online' : 'connecting' });
        void this.loadDirectoryOnce();
      },
      (error: unknown) => {
        if (this.stopped) return;
        if (error instanceof ServerError && error.status === 401) return this.o.onAuthRejected();
        this.onNetworkError(error);
        this.pullRetry = setTimeout(() => void this.pull(), this.pullBackoff.nextDelayMs());
      },
    );
  }

  /**
   * After the user sends a message: try to deliver it first and answer (and tell the UI) after that attempt,
   * or after FIRST_DELIVERY_WAIT_MS, so a message the server takes in milliseconds is never drawn as waiting.
   * Offline, or with a slow server, it shows as pending: then that is the truth.
   */
  async deliverNewMessage(practiceIds: string[]): Promise<void> {
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      this.flusher.kick(),
      new Promise<void>((resolve) => (waited = setTimeout(resolve, FIRST_DELIVERY_WAIT_MS))),
    ]);
    clearTimeout(waited);
    this.localChange(practiceIds);
  }

  /** After a local action: refresh the UI, the badge and the outbox, then send. */
  localChange(practiceIds: string[], kick = false): void {
    if (this.stopped) return;
    this.o.status.update({ pendingOutbox: this.cache.reader.pendingOutboxCount() });
    this.o.emit('changed', { practiceIds });
    this.publishUnread();
    this.indexForSearch();
    this.workflow.afterLocalChange();
    if (kick) void this.flusher.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.pullRetry) clearTimeout(this.pullRetry);
    this.socket.stop();
    this.flusher.stop();
    this.notifications.stop();
    this.workflow.stop();
    await this.cache.close();
  }

  private afterPage(page: StoredPageSummary, initialDone: boolean): void {
    if (this.stopped) return;
    this.syncedMessages += page.insertedCount;
    this.o.status.update({ syncedMessages: this.syncedMessages, initialSyncDone: this.puller.initialSyncDone });
    if (page.practiceIds.length > 0) this.o.emit('changed', { practiceIds: page.practiceIds });
    this.publishUnread();
    this.indexForSearch();
    this.workflow.notify(
      selectNotifiable(page.newMessages, {
        initialSyncDone: initialDone,
        portalMessagesShown: (id) => this.cache.reader.settings(id).portalMessagesInInbox,
      }),
    );
    this.workflow.afterPage(page);
  }

  /** Search indexing trails storage: after the backfill, in small batches between other work. */
  private indexForSearch(): void {
    if (this.indexing || !this.puller.initialSyncDone) return;
    this.indexing = this.cache.writer
      .indexForSearch()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        this.indexing = null;
      });
  }

  private publishUnread(): void {
    if (!this.cache.reader.isOpen) return;
    const counts = this.cache.reader.unreadCounts(this.o.practices.map((p) => p.id));
    const key = JSON.stringify(counts);
    if (key === this.lastUnread) return;
    this.lastUnread = key;
    this.o.emit('unreadCount', counts);
  }

  private onNetworkUp(): void {
    this.pullBackoff.reset();
    this.flusher.backoff.reset();
    this.socket.reconnectNow();
  }

  private onNetworkError(error: unknown): void {
    const offline = error instanceof NetworkError;
    this.o.status.update({
      state: offline ? 'offline' : this.o.status.current.state,
      lastError: error instanceof Error ? error.message : 'Sync failed.',
    });
  }

  /** Staff names and practice settings, fetched once per session (the feed carries later changes). */
  private async loadDirectoryOnce(): Promise<void> {
    if (this.directoryLoaded) return;
    this.directoryLoaded = true;
    try {
      for (const practice of this.o.practices) {
        const [{ users }, { settings }] = await Promise.all([
          this.client.users(practice.id),
          this.client.settings(practice.id),
        ]);
        if (this.stopped) return;
        await this.cache.writer.putDirectory(practice.id, users, settings);
        await this.workflow.refreshFromServer(practice.id);
      }
      this.o.emit('changed', { practiceIds: this.o.practices.map((p) => p.id) });
      this.publishUnread();
    } catch {
      this.directoryLoaded = false;
    }
  }
}
