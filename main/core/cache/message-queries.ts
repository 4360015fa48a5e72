// Read side for the UI: folder pages by keyset cursor, threads, full-text search, unread counts.
import type {
  Folder,
  MessagePage,
  MessageView,
  ReceiptView,
  SearchHit,
  UnreadCounts,
} from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import type { Db } from './driver.js';
import {
  LIST_COLUMNS,
  messageFromColumns,
  stateFromColumns,
  toMessageRow,
  type ListRowColumns,
} from './message-columns.js';
import { clientIdOfLocal, isLocalMessageId } from './message-ids.js';
import type { PracticeStore } from './practice-store.js';

// A snoozed message leaves the Inbox and To Do until it wakes (snooze-store.ts), and waits in Snoozed.
const FOLDER_WHERE: Record<Folder | 'inboxStaffOnly', string> = {
  inbox: 'b.incoming = 1 AND b.archived = 0 AND b.snoozed_until IS NULL',
  inboxStaffOnly: `b.incoming = 1 AND b.archived = 0 AND b.snoozed_until IS NULL AND b.source = 'staff'`,
  archived: 'b.archived = 1',
  sent: 'b.outgoing = 1',
  todo: 'b.flagged = 1 AND b.snoozed_until IS NULL',
  snoozed: 'b.snoozed_until IS NOT NULL AND b.archived = 0',
};

type ThreadRow = ListRowColumns & { body: string; json: string; delivery_error: string | null };
const THREAD_COLUMNS = `${LIST_COLUMNS}, m.body, m.json, m.delivery_error, m.rowid AS row_order`;

export class MessageQueries {
  constructor(
    private readonly db: Db,
    private readonly practices: PracticeStore,
    private readonly userId: string,
    /** Named receipts on the user's own messages (workflow-reader.ts). */
    private readonly receipts: (message: Message) => ReceiptView[] | undefined,
  ) {}

  listFolder(practiceId: string, folder: Folder, cursor: string | null, limit: number): MessagePage {
    const where =
      folder === 'inbox' && !this.practices.settings(practiceId).portalMessagesInInbox
        ? FOLDER_WHERE.inboxStaffOnly
        : FOLDER_WHERE[folder];
    const after = cursor ? decodeCursor(cursor) : null;
    const sql = `SELECT ${LIST_COLUMNS}, b.message_rowid AS rowid FROM mailbox_state b
      JOIN messages m ON m.rowid = b.message_rowid
      WHERE b.practice_id = ? AND ${where} ${after ? 'AND (b.sent_at, b.message_rowid) < (?, ?)' : ''}
      ORDER BY b.sent_at DESC, b.message_rowid DESC LIMIT ?`;
    const params: unknown[] = after ? [practiceId, after[0], after[1], limit + 1] : [practiceId, limit + 1];
    const rows = this.db.prepare<unknown[], ListRowColumns & { rowid: number }>(sql).all(...params);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page[page.length - 1];
    return {
      rows: page.map(toMessageRow),
      nextCursor: more && last ? encodeCursor(last.sent_at, last.rowid) : null,
    };
  }

  /** The thread holding `messageId` (a server id or a local id), oldest first; null if unknown. */
  thread(messageId: string): MessageView[] | null {
    const anchor = this.db
      .prepare<[string], { thread_id: string }>('SELECT thread_id FROM messages WHERE id = ?')
      .get(messageId);
    if (!anchor) return null;
    const rows = this.db
      .prepare<[{ thread: string }], ThreadRow>(
        // The root (thread_id = id) by the id index, the replies by the replies-only thread index.
        `SELECT * FROM (
           SELECT ${THREAD_COLUMNS} FROM messages m JOIN mailbox_state b ON b.message_rowid = m.rowid
             WHERE m.id = @thread AND m.thread_id = @thread
           UNION ALL
           SELECT ${THREAD_COLUMNS} FROM messages m JOIN mailbox_state b ON b.message_rowid = m.rowid
             WHERE m.thread_id = @thread AND m.thread_id != m.id
         ) ORDER BY sent_at, row_order`,
      )
      .all({ thread: anchor.thread_id });
    return rows.map((r) => {
      const message = messageFromColumns(r);
      const receipts = this.receipts(message);
      return {
        message,
        state: stateFromColumns(r.id, r),
        delivery: r.delivery,
        deliveryError: r.delivery_error,
        ...(receipts ? { receipts } : {}),
      };
    });
  }

  /** The one local->server id mapping: a delivered local id maps to the server's id, an undelivered one to null. */
  deliveredIdOf(messageId: string): string | null {
    if (!isLocalMessageId(messageId)) return messageId;
    const row = this.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM messages WHERE client_id = ? AND outgoing = 1 AND id != ?',
      )
      .get(clientIdOfLocal(messageId), messageId);
    return row?.id ?? null;
  }

  practiceOf(messageId: string): string | null {
    return (
      this.db.prepare<[string], { practice_id: string }>('SELECT practice_id FROM messages WHERE id = ?').get(messageId)
        ?.practice_id ?? null
    );
  }

  messageCount(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()?.n ?? 0;
  }

  /** Still unread, in the inbox (not snoozed) and counted: what may raise or repeat a notification. */
  notifiable(messageId: string): boolean {
    const row = this.db
      .prepare<
        [string],
        {
          read: number;
          archived: number;
          source: string;
          practice_id: string;
          snoozed_until: string | null;
          owner_id: string | null;
        }
      >(
        `SELECT b.read, b.archived, b.source, b.practice_id, b.snoozed_until, t.owner_id FROM messages m
         JOIN mailbox_state b ON b.message_rowid = m.rowid LEFT JOIN portal_threads t ON t.thread_id = m.thread_id
         WHERE m.id = ?`,
      )
      .get(messageId);
    if (!row || row.read === 1 || row.archived === 1 || row.snoozed_until !== null) return false;
    if (row.source !== 'portal') return true;
    // A portal message alerts only where the practice shows them, and while its thread is unassigned or the user's.
    const ownerOk = row.owner_id === null || row.owner_id === this.userId;
    return ownerOk && this.practices.settings(row.practice_id).portalMessagesInInbox;
  }

  search(practiceId: string, query: string, limit: number): SearchHit[] {
    const match = toFtsQuery(query);
    if (!match) return [];
    // Newest cached first: FTS walks its rowids in descending order and stops at the limit.
    const rows = this.db
      .prepare<[string, string, number], ListRowColumns & { snippet: string }>(
        `SELECT ${LIST_COLUMNS}, snippet(messages_fts, -1, '', '', '…', 12) AS snippet
         FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
         JOIN mailbox_state b ON b.message_rowid = m.rowid
         WHERE messages_fts MATCH ? AND m.practice_id = ? ORDER BY messages_fts.rowid DESC LIMIT ?`,
      )
      .all(match, practiceId, limit);
    return rows.map((r) => ({ row: toMessageRow(r), snippet: r.snippet }));
  }

  /**
   * Unread inbox messages per practice, snoozed ones left out. Staff messages come from the counter the
   * triggers keep (migrations 2 and 4); portal ones are counted here, only where the practice shows them and
   * only while their thread is unassigned or the user's. `urgent`: how many of them are urgent.
   */
  unreadCounts(practiceIds: string[]): UnreadCounts {
    const byPractice: Record<string, number> = Object.fromEntries(practiceIds.map((id) => [id, 0]));
    const add = (practiceId: string, n: number) => (byPractice[practiceId] = (byPractice[practiceId] ?? 0) + n);
    for (const r of this.db
      .prepare<[], { practice_id: string; n: number }>(
        `SELECT practice_id, n FROM unread_counts WHERE source = 'staff' AND n > 0`,
      )
      .all()) {
      add(r.practice_id, r.n);
    }
    for (const r of this.db
      .prepare<[string], { practice_id: string; n: number }>(
        `SELECT b.practice_id, count(*) AS n FROM mailbox_state b JOIN messages m ON m.rowid = b.message_rowid
         LEFT JOIN portal_threads t ON t.thread_id = m.thread_id
         WHERE b.incoming = 1 AND b.archived = 0 AND b.read = 0 AND b.snoozed_until IS NULL AND b.source = 'portal'
           AND (t.owner_id IS NULL OR t.owner_id = ?)
         GROUP BY b.practice_id`,
      )
      .all(this.userId)) {
      if (this.practices.settings(r.practice_id).portalMessagesInInbox) add(r.practice_id, r.n);
    }
    const urgent =
      this.db
        .prepare<[], { n: number }>(
          `SELECT count(*) AS n FROM mailbox_state
           WHERE incoming = 1 AND archived = 0 AND read = 0 AND snoozed_until IS NULL AND urgent = 1`,
        )
        .get()?.n ?? 0;
    const total = Object.values(byPractice).reduce((a, b) => a + b, 0);
    return { total, byPractice, urgent };
  }
}

/** Words of the user's query, each as a quoted prefix term, so FTS syntax in it is inert. */
export function toFtsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return words
    .slice(0, 20)
    .map((w) => `"${w}"*`)
    .join(' ');
}

function encodeCursor(sentAt: string, rowid: number): string {
  return Buffer.from(JSON.stringify([sentAt, rowid])).toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1])) {
      return [value[0], value[1] as number];
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursorError();
}

export class InvalidCursorError extends Error {}
