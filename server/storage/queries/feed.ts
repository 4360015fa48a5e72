// The per-user change feed: appending changes, and reading one page of a user's feed as a
// ready-made JSON string. Each message's JSON is stored once and spliced in as is, and the database
// joins the page into one string: no per-row parsing, query or JS object (100,000-message cold syncs).
import { CompiledQuery } from 'kysely';
import { isPostgres } from '../dialect.js';
import type { Executor, FeedKind } from '../schema.js';

export interface FeedEntry {
  staffId: string;
  practiceId: string;
  kind: FeedKind;
  payload: string;
  messageSeq?: number | null;
}

/**
 * Appends changes. SQLite numbers them on insert (its single writer commits in seq order) and this
 * resolves with the newest seq per staff id; PostgreSQL leaves them to the feed sequencer, which
 * numbers them after commit (storage/postgres/feed-sequencer.ts), so this resolves with an empty map.
 */
export async function appendFeed(db: Executor, entries: FeedEntry[]): Promise<Map<string, number>> {
  const newest = new Map<string, number>();
  if (entries.length === 0) return newest;
  const insert = db.insertInto('feed').values(
    entries.map((entry) => ({
      staff_id: entry.staffId,
      practice_id: entry.practiceId,
      kind: entry.kind,
      message_seq: entry.messageSeq ?? null,
      payload: entry.payload,
    })),
  );
  if (isPostgres(db)) {
    await insert.execute();
    return newest;
  }
  for (const row of await insert.returning(['staff_id', 'seq']).execute()) {
    newest.set(row.staff_id, Math.max(row.seq, newest.get(row.staff_id) ?? 0));
  }
  return newest;
}

/** The newest seq in `staffId`'s feed (0 when empty). */
export async function newestFeedSeq(db: Executor, staffId: string): Promise<number> {
  const row = await db
    .selectFrom('feed')
    .select((eb) => eb.fn.max('seq').as('newest'))
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return Number(row?.newest ?? 0);
}

export interface FeedPage {
  /** The highest seq in the page (null when empty). */
  last: number | null;
  /** The changes, comma-separated JSON objects (null when empty). */
  items: string | null;
}

// Every change is `{"kind","practiceId", <data>}`. For a message <data> is the message JSON plus
// the state snapshot; for the first wave's other kinds, the stored payload under the kind's own name;
// the second wave's kinds store their fields flat (services/workflow/change-fanout.ts), spliced in
// after practiceId without the payload's opening brace.
const NAMED_KINDS = `'state', 'settings', 'user'`;
const ITEM = (quote: (column: string) => string): string => `
  '{"kind":"' || f.kind || '","practiceId":' || ${quote('f.practice_id')} || ',' ||
  CASE WHEN f.kind = 'message' THEN '"message":' || m.message_json || ',"state":' || f.payload || '}'
       WHEN f.kind IN (${NAMED_KINDS}) THEN '"' || f.kind || '":' || f.payload || '}'
       ELSE substr(f.payload, 2) END`;

const SQLITE_PAGE = `
SELECT max(seq) AS last, group_concat(item, ',' ORDER BY seq) AS items FROM (
  SELECT f.seq, ${ITEM((c) => `json_quote(${c})`)} AS item
  FROM feed f LEFT JOIN messages m ON m.seq = f.message_seq
  WHERE f.staff_id = ? AND f.seq > ? ORDER BY f.seq LIMIT ?)`;

const POSTGRES_PAGE = `
SELECT max(seq) AS last, string_agg(item, ',' ORDER BY seq) AS items FROM (
  SELECT f.seq, ${ITEM((c) => `to_json(${c})::text`)} AS item
  FROM feed f LEFT JOIN messages m ON m.seq = f.message_seq
  WHERE f.staff_id = $1 AND f.seq > $2 ORDER BY f.seq LIMIT $3) page`;

export async function readFeedPage(db: Executor, staffId: string, afterSeq: number, limit: number): Promise<FeedPage> {
  const text = isPostgres(db) ? POSTGRES_PAGE : SQLITE_PAGE;
  const result = await db.executeQuery<FeedPage>(CompiledQuery.raw(text, [staffId, afterSeq, limit]));
  const row = result.rows[0];
  return { last: row?.last ?? null, items: row?.items ?? null };
}
