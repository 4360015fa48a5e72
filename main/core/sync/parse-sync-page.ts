// Checks a /sync answer against the contract before anything of it is stored. A whole page (at
// most 1000 changes) is checked at once: that takes a few ms, while yielding between slices
// delayed the next page's request behind a page store at every yield (measured: fetches took 3x longer).
import { z } from 'zod';
import { Change, type SyncResponse } from '../../../common/http/index.js';

const Envelope = z.object({ changes: z.array(z.unknown()), cursor: z.string(), more: z.boolean() });

/** The checked page, or null when it does not match the contract. */
export function parseSyncPage(data: unknown): SyncResponse | null {
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) return null;
  const changes: Change[] = [];
  for (const item of envelope.data.changes) {
    const parsed = Change.safeParse(item);
    if (!parsed.success) return null;
    changes.push(parsed.data);
  }
  return { changes, cursor: envelope.data.cursor, more: envelope.data.more };
}
