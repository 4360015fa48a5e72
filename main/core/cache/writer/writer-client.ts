// The main thread's side of the cache writer: CacheWriter, a typed async call per write op, over a writer
// thread that is started again if it dies (at most 3 times a minute; past that the cache is broken).
// Calls run in the order they were made; each resolves once committed.
import { CacheBroken, CacheWriteFailed, type WriterInit } from './protocol.js';
import type { WriteOps } from './write-ops.js';
import { startWriterThread, type WriterThread } from './writer-thread.js';

export type CacheWriter = {
  readonly [K in keyof WriteOps]: (...args: Parameters<WriteOps[K]>) => Promise<Awaited<ReturnType<WriteOps[K]>>>;
};

export interface RunningWriter {
  writer: CacheWriter;
  /** Waits for the calls already made, closes the connection and ends the thread. */
  close(): Promise<void>;
}

/**
 * A thread that dies over and over (a page that runs it out of memory each time, a damaged file) is not
 * restarted forever: past 3 restarts in a minute, writes fail with CacheBroken and `onBroken` is told.
 */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

export interface WriterSupervision {
  /** Told once when the restart limit is passed. */
  onBroken?(): void;
}

const closedError = () => new CacheWriteFailed('closed', 'The cache is closed.');

export async function startWriter(init: WriterInit, supervision: WriterSupervision = {}): Promise<RunningWriter> {
  const restartedAt: number[] = [];
  let closed = false;
  let broken: CacheBroken | null = null;
  // The thread taking calls, or (while one starts, at first or in place of a dead one) the promise of it.
  const first = startWriterThread(init, onDied);
  let thread: WriterThread | Promise<WriterThread> = first;
  const firstStarted = await first;
  // A first thread that died before this await returned has been replaced already: keep the replacement.
  if (thread === first) thread = firstStarted;

  function onDied(cause: string): void {
    if (closed) return;
    // The cause is an error name or exit code: never what was being written.
    console.warn(`cache writer: the thread stopped (${cause}); starting it again`);
    const replacement = relaunch();
    thread = replacement;
    // Calls made meanwhile wait for it; a failure (broken, closed) reaches each of them.
    replacement.then(
      (started) => {
        if (thread === replacement) thread = started;
      },
      () => undefined,
    );
  }

  async function relaunch(): Promise<WriterThread> {
    for (;;) {
      const now = Date.now();
      while (restartedAt.length > 0 && (restartedAt[0] ?? 0) <= now - RESTART_WINDOW_MS) restartedAt.shift();
      if (restartedAt.length >= MAX_RESTARTS) throw breakDown();
      restartedAt.push(now);
      let started: WriterThread;
      try {
        started = await startWriterThread(init, onDied);
      } catch {
        if (closed) throw closedError();
        continue; // A start that fails counts against the limit too.
      }
      if (!closed) return started;
      await started.close();
      throw closedError();
    }
  }

  function breakDown(): CacheBroken {
    if (!broken) {
      console.error(
        `cache writer: the thread keeps stopping (${MAX_RESTARTS} restarts within a minute); the cache is broken`,
      );
      broken = new CacheBroken();
      supervision.onBroken?.();
    }
    return broken;
  }

  const call = (op: string, args: unknown[]): Promise<unknown> => {
    if (broken) return Promise.reject(broken);
    if (closed) return Promise.reject(closedError());
    const current = thread;
    return current instanceof Promise ? current.then((started) => started.call(op, args)) : current.call(op, args);
  };

  // Any op name becomes a call; `then` stays undefined so the writer itself is never taken for a promise.
  const writer = new Proxy({} as CacheWriter, {
    get: (_, op) => (typeof op === 'string' && op !== 'then' ? (...args: unknown[]) => call(op, args) : undefined),
  });

  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closed = true;
    closing ??= Promise.resolve(thread).then(
      (current) => current.close(),
      () => undefined,
    );
    return closing;
  }

  return { writer, close };
}
