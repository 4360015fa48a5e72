// A signed-in account at run time, wired from parts that each do one job: the cache, the server
// client and live socket, the sync loop, the per-page effects (badge, notifications, search index),
// the directory, and the outbox flusher. A `changes` hint or a reconnect pulls and flushes.
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
import { DEFAULT_SYNC_PAGE, MAX_SYNC_PAGE } from '../../../common/limits.js';
import { FileStore } from '../files/file-store.js';
import type { Notifier } from '../host-ports.js';
import type { ServerTransport } from '../network/server-transport.js';
import { NotificationDispatcher } from '../notify/notification-dispatcher.js';
import { isQuietTime } from '../notify/quiet-hours.js';
import { OutboxFlusher } from '../outbox/outbox-flusher.js';
import { LiveSocket } from '../sync/live-socket.js';
import { ServerClient } from '../sync/server-client.js';
import { SyncPuller } from '../sync/sync-puller.js';
import { WorkflowClient } from '../sync/workflow-client.js';
import { DirectoryLoader } from './directory-loader.js';
import { PageEffects } from './page-effects.js';
import type { StatusTracker } from './status-tracker.js';
import { reportNetworkError, SyncLoop } from './sync-loop.js';
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
  /** The cache writer thread kept dying (cache/writer/writer-client.ts): the session must end. */
  onCacheBroken(): void;
  /** Fixed page size (tests); by default the largest page during the backfill, then 500. */
  syncPageSize: number | undefined;
  notificationWindowMs: number;
  /** Network path to the server (network/server-transport.ts). */
  transport: ServerTransport;
}

export class AccountSession {
  readonly cache: AccountCache;
  readonly client: ServerClient;
  readonly files: FileStore;
  /** The signed-in user as the sender of what they queue. */
  readonly me: Party;
  readonly flusher: OutboxFlusher;
  readonly workflow: WorkflowSession;
  private readonly socket: LiveSocket;
  private readonly notifications: NotificationDispatcher;
  private readonly effects: PageEffects;
  private readonly sync: SyncLoop;
  private readonly directory: DirectoryLoader;
  private stopped = false;

  /** Opens the account's cache (checked off the event loop) and wires the session over it. */
  static async open(o: AccountSessionOptions): Promise<AccountSession> {
    fs.mkdirSync(o.accountDir, { recursive: true, mode: 0o700 });
    const file = path.join(o.accountDir, 'cache.db');
    const cache = await AccountCache.open(file, o.cacheKey, o.cacheKeyWasKnown, o.user.id, {
      onBroken: () => o.onCacheBroken(),
    });
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
    this.client = new ServerClient(o.serverUrl, o.token, o.transport);
    this.client.onReachable = () => this.onNetworkUp();
    this.me = { kind: 'staff', id: o.user.id, name: o.user.name };
    this.notifications = new NotificationDispatcher({
      notifier: o.notifier,
      privacy: o.privacy,
      windowMs: o.notificationWindowMs,
      // Muted threads stay silent, except for urgent messages.
      stillNotifiable: (m) =>
        this.cache.reader.isOpen &&
        this.cache.reader.notifiable(m.id) &&
        (m.priority === 'urgent' || !this.cache.reader.workflow.threadMuted(m.threadId)),
      // The one path of a click: the engine opens the message, whichever host raised the notification.
      onClick: (target) => o.emit('showMessage', target),
      quiet: () => isQuietTime(o.alertPreferences().quietHours, new Date()),
    });
    this.workflow = new WorkflowSession({
      cache,
      client: new WorkflowClient(this.client),
      dispatcher: this.notifications,
      alertPreferences: o.alertPreferences,
      minuteMs: o.minuteMs,
      onChanged: () => this.localChange(this.o.practices.map((p) => p.id)),
    });
    this.effects = new PageEffects({
      cache,
      practiceIds: o.practices.map((p) => p.id),
      status: o.status,
      emit: o.emit,
      notify: (messages) => this.workflow.notify(messages),
      afterPage: (page) => this.workflow.afterPage(page),
      afterLocalChange: () => this.workflow.afterLocalChange(),
    });
    this.directory = new DirectoryLoader({
      cache,
      client: this.client,
      practices: o.practices,
      isStopped: () => this.stopped,
      afterPractice: (practiceId) => this.workflow.refreshFromServer(practiceId),
      onLoaded: (practiceIds) => this.effects.afterLocalChange(practiceIds),
    });
    const puller = new SyncPuller({
      cache,
      client: this.client,
      pageSize: o.syncPageSize ?? DEFAULT_SYNC_PAGE,
      backfillPageSize: o.syncPageSize ?? MAX_SYNC_PAGE,
      onPage: (page, initialDone) => this.effects.afterPage(page, initialDone),
    });
    this.socket = new LiveSocket(
      o.serverUrl,
      o.token,
      {
        onReady: () => {
          this.o.status.update({ lastError: null });
          void this.sync.pull();
          void this.flusher.kick();
        },
        onChanges: () => void this.sync.pull(),
        onDown: () => this.o.status.update({ state: 'offline' }),
        onAuthRejected: () => this.o.onAuthRejected(),
      },
      o.transport,
    );
    this.sync = new SyncLoop({
      puller,
      status: o.status,
      socketReady: () => this.socket.isReady,
      onCaughtUp: () => void this.directory.loadOnce(),
      onAuthRejected: () => this.o.onAuthRejected(),
    });
    this.flusher = new OutboxFlusher({
      cache,
      client: this.client,
      files: this.files,
      onChanged: (ids) => this.localChange(ids),
      onRetryable: (error) => reportNetworkError(this.o.status, error),
      onAuthRejected: () => this.o.onAuthRejected(),
    });
  }

  start(): void {
    if (this.cache.recovered) this.o.emit('cacheRecovered', { ...this.cache.recovered });
    this.o.status.update({
      state: 'connecting',
      syncedMessages: this.effects.messageCount,
      initialSyncDone: this.cache.reader.initialSyncDone(),
      lastError: null,
      pendingOutbox: this.cache.reader.pendingOutboxCount(),
    });
    this.effects.publishUnread();
    this.effects.indexForSearch();
    this.workflow.start();
    this.socket.start();
    void this.sync.pull();
    void this.flusher.kick();
  }

  /** Network back (OS event, or any answer from the server): retry everything at once. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.socket.reconnectNow();
    void this.sync.pull();
    void this.flusher.kick();
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

  /** After a local action: refresh the UI, the badge and the outbox count, then (if asked) send. */
  localChange(practiceIds: string[], kick = false): void {
    if (this.stopped) return;
    this.effects.afterLocalChange(practiceIds);
    if (kick) void this.flusher.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sync.stop();
    this.socket.stop();
    this.flusher.stop();
    this.effects.stop();
    this.notifications.stop();
    this.workflow.stop();
    await this.cache.close();
  }

  private onNetworkUp(): void {
    this.sync.backoff.reset();
    this.flusher.backoff.reset();
    this.socket.reconnectNow();
  }
}
