// One page of a staff user's change feed as a ready-made JSON string (see storage/queries/feed.ts).
import { newestFeedSeq, readFeedPage } from '../../storage/queries/feed.js';
import type { Executor } from '../../storage/schema.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';

/**
 * The page after `cursor`. A cursor past the caller's newest change can only come from another
 * server (or a database started afresh): refusing it tells the client to sync from the start
 * instead of waiting forever for changes that will never come.
 */
export async function syncPageJson(
  db: Executor,
  staffId: string,
  cursor: string | undefined,
  limit: number,
): Promise<string> {
  const after = decodeCursor(cursor);
  const page = await readFeedPage(db, staffId, after, limit);
  // Read after the page: a change numbered meanwhile shows as `more`, never as a skipped row.
  const newest = await newestFeedSeq(db, staffId);
  if (after > newest) throw invalidCursor();
  const last = page.last ?? after;
  return `{"changes":[${page.items ?? ''}],"cursor":"${encodeCursor(last)}","more":${newest > last}}`;
}
