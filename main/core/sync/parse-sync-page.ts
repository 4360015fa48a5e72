// Checks a /sync answer against the contract before anything of it is stored. The main thread reads
// only the envelope (cursor, more: enough to fetch the next page); the cache writer thread checks
// the changes themselves, a whole page (at most 1000 changes) at once, right before storing them.
import { z } from 'zod';
import { Change, CHANGE_KINDS, type SyncResponse } from '../../../common/http/index.js';

const Envelope = z.object({ changes: z.array(z.unknown()), cursor: z.string(), more: z.boolean() });

const known = new Set<string>(CHANGE_KINDS);
const KindOnly = z.object({ kind: z.string() });

/**
 * The checked page, or null when it does not match the contract. A change of a kind this app does not
 * know is skipped (API.md: a newer server must never stall an older client); a known kind in the wrong
 * shape still refuses the page.
 */
export function parseSyncPage(data: unknown): SyncResponse | null {
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) return null;
  const changes: Change[] = [];
  for (const item of envelope.data.changes) {
    const kind = KindOnly.safeParse(item);
    if (!kind.success) return null;
    if (!known.has(kind.data.kind)) continue;
    const parsed = Change.safeParse(item);
    if (!parsed.success) return null;
    changes.push(parsed.data);
  }
  return { changes, cursor: envelope.data.cursor, more: envelope.data.more };
}

/** A fetched page: its text for the writer thread, and what the fetcher needs to go on. */
export interface FetchedSyncPage {
  text: string;
  cursor: string;
  more: boolean;
  /** At most this many changes (the page size asked for): enough to group pages per commit. */
  changeCount: number;
}

// The server writes the envelope's cursor and `more` last (server/services/feed/sync-page.ts), so
// they are read from the page's tail without parsing its 1,000 changes on this thread.
const TAIL = /,"cursor":("(?:[^"\\]|\\.)*"),"more":(true|false)\}\s*$/;

/** The envelope of a /sync answer, or null when it is not JSON of the contract's shape. */
export function readSyncEnvelope(text: string, limit: number): FetchedSyncPage | null {
  const tail = TAIL.exec(text.slice(-1024));
  if (tail?.[1] && text.startsWith('{"changes":[')) {
    const cursor: unknown = JSON.parse(tail[1]);
    if (typeof cursor === 'string') return { text, cursor, more: tail[2] === 'true', changeCount: limit };
  }
  // Any other layout: parse it whole (the writer thread checks the changes either way).
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) return null;
  return { text, cursor: envelope.data.cursor, more: envelope.data.more, changeCount: envelope.data.changes.length };
}
