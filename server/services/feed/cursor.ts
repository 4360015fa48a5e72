// The sync cursor: an opaque string to clients, the feed sequence number to the server.
import { sql, type Db } from '../../db/database.js';
import { ApiError } from '../../http/api-error.js';

export const encodeCursor = (seq: number): string => `c${seq.toString(36)}`;

const invalidCursor = (): ApiError =>
  new ApiError(400, 'invalid_cursor', 'The sync cursor is not one this server gave out. Start again without "after".');

/**
 * The seq a cursor stands for; absent means the start of the feed. A cursor past the newest feed
 * row can only come from another server (or a data folder started afresh): refusing it tells the
 * client to sync from the start instead of waiting forever for changes that will never come.
 */
export function decodeCursor(db: Db, cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^c([0-9a-z]{1,11})$/.exec(cursor);
  const seq = match?.[1] ? parseInt(match[1], 36) : NaN;
  if (!Number.isSafeInteger(seq)) throw invalidCursor();
  const newest = sql(db, "SELECT seq FROM sqlite_sequence WHERE name = 'feed'").get() as { seq: number } | undefined;
  if (seq > (newest?.seq ?? 0)) throw invalidCursor();
  return seq;
}
