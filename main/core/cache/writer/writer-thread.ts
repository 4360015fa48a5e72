// One cache writer thread seen from the main thread: starts it, posts calls and settles each with its
// reply. If the thread dies (out of memory, an uncaught error, terminated), every call still waiting is
// rejected with WriteInterrupted and `onDied` is told once; the supervisor (writer-client.ts) restarts it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CacheWriteFailed, deserializeError, WriteInterrupted, type WriterInit, type WriterReply } from './protocol.js';

export interface WriterThread {
  call(op: string, args: unknown[]): Promise<unknown>;
  /** Waits for the calls already made, closes the connection and ends the thread. */
  close(): Promise<void>;
}

/**
 * Tests only: told of each writer thread as it starts, so a test can end one the way a crash would
 * (`worker.terminate()`) and check what the engine does next.
 */
export const writerTestHooks: { onThreadStarted: ((thread: Worker) => void) | null } = { onThreadStarted: null };

/** Name of the built writer entry, emitted beside the main bundle (electron.vite.config.ts). */
const BUILT_ENTRY = 'cache-writer.js';

/**
 * The writer's heap holds one or two parsed pages at a time; a small young generation makes V8 collect
 * them promptly instead of letting a second isolate's heap grow into the RSS budget.
 */
const WRITER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

/**
 * Running from TypeScript sources (tests, tsx, the browser host in development), the thread loads
 * worker-main.ts through tsx; from the built app, the bundled entry beside this chunk.
 */
function spawnWriter(init: WriterInit): Worker {
  const here = import.meta.url;
  const options = { workerData: init, resourceLimits: WRITER_HEAP };
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${BUILT_ENTRY}`, here), options);
  const tsxApi = path.join(path.dirname(createRequire(here).resolve('tsx/esm/api')), 'index.mjs');
  const entry = new URL('./worker-main.ts', here).href;
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(code, { ...options, eval: true });
}

/** Resolves once the thread has opened and migrated the cache; rejects if it can't. */
export function startWriterThread(init: WriterInit, onDied: (cause: string) => void): Promise<WriterThread> {
  const worker = spawnWriter(init);
  writerTestHooks.onThreadStarted?.(worker);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let ready = false;
  let gone: Error | null = null;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (error: Error) => {
    gone ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  return new Promise<WriterThread>((resolveStart, rejectStart) => {
    /** The thread ended (an error, then its exit, may both report it): settle everything once. */
    const died = (cause: string, failure: Error) => {
      if (gone) return;
      failAll(closing ? new CacheWriteFailed('closed', 'The cache is closed.') : new WriteInterrupted());
      rejectStart(failure);
      onClosed?.();
      if (ready && !closing) onDied(cause);
    };
    worker.on('message', (reply: WriterReply) => {
      switch (reply.type) {
        case 'ready':
          ready = true;
          resolveStart({ call, close });
          return;
        case 'failed':
          rejectStart(deserializeError(reply.error));
          return;
        case 'closed':
          onClosed?.();
          return;
        case 'result': {
          const waiting = pending.get(reply.id);
          pending.delete(reply.id);
          if (reply.ok) waiting?.resolve(reply.value);
          else waiting?.reject(deserializeError(reply.error));
        }
      }
    });
    // The error's code or name only (ERR_WORKER_OUT_OF_MEMORY...): its message could quote what was being written.
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const kind = error.code ?? error.name;
      died(kind, new CacheWriteFailed(kind, 'The cache writer stopped.'));
    });
    worker.on('exit', (code) => died(`exit ${code}`, new CacheWriteFailed('exit', 'The cache writer has closed.')));

    function call(op: string, args: unknown[]): Promise<unknown> {
      return new Promise<unknown>((resolve, reject) => {
        if (gone) return reject(gone);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, op, args });
      });
    }

    function close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        onClosed = resolve;
        if (gone) return resolve();
        worker.postMessage({ type: 'close' });
      }).then(() => {
        failAll(new CacheWriteFailed('closed', 'The cache is closed.'));
      });
      return closing;
    }
  });
}
