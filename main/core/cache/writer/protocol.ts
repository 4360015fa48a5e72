// Messages between the main thread and the cache writer thread, and how an error crosses over:
// the errors the UI is meant to see keep their class and code; anything else arrives as a bare
// CacheWriteFailed that the call pipeline reports as an internal error.
import { DesktopCallError } from '../../errors.js';
import { ServerError } from '../../sync/server-client.js';

export interface WriterInit {
  file: string;
  keyHex: string;
  userId: string;
}

export type WriterRequest = { type: 'call'; id: number; op: string; args: unknown[] } | { type: 'close' };

export interface SerializedError {
  kind: 'engine' | 'server' | 'other';
  name: string;
  code: string | null;
  status: number | null;
  message: string;
  stack: string | null;
}

export type WriterReply =
  | { type: 'ready' }
  | { type: 'failed'; error: SerializedError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError }
  | { type: 'closed' };

/** A write failed for a reason that is not the user's (a driver or schema error, the thread gone). */
export class CacheWriteFailed extends Error {
  constructor(
    readonly causeName: string,
    message: string,
  ) {
    super(message);
    this.name = 'CacheWriteFailed';
  }
}

/**
 * A call the writer thread never answered because the thread died. Its transaction may have committed
 * just before, or not at all (never half): the UI says so, and the outbox retries (sends reuse their clientId).
 */
export class WriteInterrupted extends DesktopCallError {
  constructor() {
    super(
      'cache_interrupted',
      "The app's local cache restarted before this was saved. Check whether it was kept, and try again if not.",
    );
  }
}

/** The writer thread kept dying (writer-client.ts, its restart limit): this session writes nothing more. */
export class CacheBroken extends DesktopCallError {
  constructor() {
    super(
      'cache_broken',
      "The app's local message cache stopped working. Sign in again, or restart Practice Messenger.",
    );
  }
}

export function serializeError(error: unknown): SerializedError {
  const base = {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? (error.stack ?? null) : null,
  };
  if (error instanceof DesktopCallError) return { ...base, kind: 'engine', code: error.code, status: null };
  if (error instanceof ServerError) return { ...base, kind: 'server', code: error.code, status: error.status };
  return { ...base, kind: 'other', code: null, status: null };
}

export function deserializeError(e: SerializedError): Error {
  if (e.kind === 'engine') return new DesktopCallError(e.code ?? 'internal_error', e.message);
  if (e.kind === 'server') return new ServerError(e.status ?? 500, e.code ?? 'bad_response', e.message);
  const error = new CacheWriteFailed(e.name, e.message);
  // Where it failed, for the log line the call pipeline writes (never the arguments).
  if (e.stack) error.stack = `CacheWriteFailed: ${e.name}\n${e.stack.split('\n').slice(1).join('\n')}`;
  return error;
}
