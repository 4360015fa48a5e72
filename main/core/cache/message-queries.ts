// Read side for the UI: folder pages by keyset cursor, threads, full-text search, unread counts.
import type { Folder, MessagePage, MessageView, SearchHit, UnreadCounts } from '../../../common/desktop/index.js';
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

const FOLDER_WHERE: Record<Folder | 'inboxStaffOnly', string> = {
  inbox: 'b.incoming = 1 AND b.archived = 0',
  inboxStaffOnly: `b.incoming = 1 AND b.archived = 0 AND b.source = 'staff'`,
  archived: 'b.archived = 1',
  sent: 'b.outgoing = 1',
  todo: 'b.flagged = 1',
  snoozed: '0', // Snooze is not stored in the cache yet (second wave, stage B).
};

type ThreadRow = ListRowColumns & { body: string; json: string; delivery_error: string | null };
const THREAD_COLUMNS = `${LIST_COLUMNS}, m.body, m.json, m.delivery_error, m.rowid AS row_order`;

export class MessageQueries {
  constructor(
    private readonly db: Db,
    private readonly practices: PracticeStore,
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
    return rows.map((r) => ({
      message: messageFromColumns(r),
      state: stateFromColumns(r.id, r),
      delivery: r.delivery,
      deliveryError: r.delivery_error,
    }));
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

  /** Still unread, in the inbox, and shown (portal messages only where the practice shows them)? */
  notifiable(messageId: string): boolean {
    const row = this.db
      .prepare<[string], { read: number; archived: number; source: string; practice_id: string }>(
        `SELECT b.read, b.archived, b.source, b.practice_id FROM messages m
         JOIN mailbox_state b ON b.message_rowid = m.rowid WHERE m.id = ?`,
      )
      .get(messageId);
    if (!row || row.read === 1 || row.archived === 1) return false;
    return row.source !== 'portal' || this.practices.settings(row.practice_id).portalMessagesInInbox;
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

  /** Unread inbox messages per practice; portal ones count only where the practice shows them. */
  unreadCounts(practiceIds: string[]): UnreadCounts {
    // Kept by triggers on mailbox_state (migration 2).
    const rows = this.db
      .prepare<[], { practice_id: string; source: string; n: number }>(
        'SELECT practice_id, source, n FROM unread_counts WHERE n > 0',
      )
      .all();
    const byPractice: Record<string, number> = Object.fromEntries(practiceIds.map((id) => [id, 0]));
    for (const r of rows) {
      if (r.source === 'portal' && !this.practices.settings(r.practice_id).portalMessagesInInbox) continue;
      byPractice[r.practice_id] = (byPractice[r.practice_id] ?? 0) + r.n;
    }
    const total = Object.values(byPractice).reduce((a, b) => a + b, 0);
    return { total, byPractice };
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
