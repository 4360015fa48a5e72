// Checks a /sync answer against the contract a slice at a time, yielding between slices, so a
// 1000-change page is never validated in one long block of the event loop.
import { z } from 'zod';
import { Change, type SyncResponse } from '../../../common/http/index.js';

const Envelope = z.object({ changes: z.array(z.unknown()), cursor: z.string(), more: z.boolean() });
const SLICE = 200;

/** The checked page, or null when it does not match the contract. */
export async function parseSyncPage(data: unknown): Promise<SyncResponse | null> {
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) return null;
  const changes: Change[] = [];
  const raw = envelope.data.changes;
  for (let start = 0; start < raw.length; start += SLICE) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const item of raw.slice(start, start + SLICE)) {
      const parsed = Change.safeParse(item);
      if (!parsed.success) return null;
      changes.push(parsed.data);
    }
  }
  return { changes, cursor: envelope.data.cursor, more: envelope.data.more };
}
