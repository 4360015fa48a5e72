// Stores one /sync page and its cursor in a single transaction, so a kill at any instant leaves
// either the whole page (and its cursor) or none of it. Reports what the notification rules need.
import type { Change, Message } from '../../../common/http/index.js';
import type { Db } from './driver.js';
import type { KeyValues } from './kv.js';
import { isOwn } from './message-columns.js';
import type { MessageWriter } from './message-writer.js';
import type { PracticeStore } from './practice-store.js';
import { SnoozeStore } from './snooze-store.js';
import { WorkflowChanges } from './workflow-changes.js';

export interface StoredPage {
  /** Messages seen for the first time, with the state they arrived in. */
  newMessages: { message: Message; read: boolean; archived: boolean; incoming: boolean }[];
  insertedCount: number;
  practiceIds: Set<string>;
  /** Messages whose snooze the server just ended (they are back, unread): they notify again. */
  wokenIds: string[];
}

export const CURSOR_KEY = 'syncCursor';
/** Set in the transaction that stores the feed's last page of the first (backfill) sync. */
export const INITIAL_SYNC_KEY = 'initialSyncDone';

export class SyncPageWriter {
  private readonly writePage;
  private readonly workflow: WorkflowChanges;
  private readonly snoozes: SnoozeStore;
  constructor(
    private readonly db: Db,
    private readonly userId: string,
    private readonly messages: MessageWriter,
    private readonly practices: PracticeStore,
    private readonly kv: KeyValues,
  ) {
    this.workflow = new WorkflowChanges(db);
    this.snoozes = new SnoozeStore(db);
    this.writePage = db.transaction((changes: Change[], cursor: string, caughtUp: boolean) =>
      this.messages.forPage(() => {
        const page = this.apply(changes, cursor);
        if (caughtUp) this.kv.set(INITIAL_SYNC_KEY, '1');
        return page;
      }),
    );
  }

  /** Stores the changes with the cursor after them; `caughtUp` (the feed's last page) also ends the backfill. */
  store(changes: Change[], cursor: string, caughtUp = false): StoredPage {
    if (this.db.inTransaction) return this.writePage(changes, cursor, caughtUp);
    // A page is a copy of the server's feed: a power cut may roll back its commit (the page with its
    // cursor, never one without the other) and it is fetched again, so it skips the fsync. The next
    // FULL commit (any outbox write) still syncs everything before it.
    this.db.pragma('synchronous=NORMAL');
    try {
      // IMMEDIATE: the write lock is taken (waiting if need be) before the first read, instead of
      // upgrading a read mid-transaction, which fails at once if another connection writes.
      return this.writePage.immediate(changes, cursor, caughtUp);
    } finally {
      this.db.pragma('synchronous=FULL');
    }
  }

  private apply(changes: Change[], cursor: string): StoredPage {
    const page: StoredPage = { newMessages: [], insertedCount: 0, practiceIds: new Set(), wokenIds: [] };
    for (const change of changes) {
      page.practiceIds.add(change.practiceId);
      switch (change.kind) {
        case 'message': {
          const outcome = this.messages.upsertFromServer(change.message, change.state);
          if (outcome === 'inserted') {
            page.insertedCount++;
            page.newMessages.push({
              message: change.message,
              read: change.state.read,
              archived: change.state.archived,
              incoming: !isOwn(change.message, this.userId),
            });
          }
          break;
        }
        case 'state': {
          const wasSnoozed = this.snoozes.snoozedUntil(change.state.messageId) !== null;
          this.messages.applyServerState(change.state);
          if (wasSnoozed && !change.state.snoozedUntil && !change.state.read)
            page.wokenIds.push(change.state.messageId);
          break;
        }
        case 'settings':
          this.practices.putServerSettings(change.practiceId, change.settings);
          break;
        case 'user':
          this.practices.putUser(change.practiceId, change.user);
          break;
        default:
          this.workflow.apply(change);
      }
    }
    this.kv.set(CURSOR_KEY, cursor);
    return page;
  }
}
