// Appends to staff users' change feeds inside a write, and notes what grew so that live sockets are
// told once the write commits.
import { appendFeed, type FeedEntry } from '../../storage/queries/feed.js';
import type { WriteContext } from '../write-context.js';

export async function appendChanges(ctx: WriteContext, entries: FeedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const grown = await appendFeed(ctx.db, entries);
  ctx.changes.feedWritten = true;
  for (const [staffId, seq] of grown)
    ctx.changes.grown.set(staffId, Math.max(seq, ctx.changes.grown.get(staffId) ?? 0));
}
