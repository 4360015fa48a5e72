// The main thread's side of the cache writer: starts the writer thread and gives CacheWriter, a typed
// async call per write op. Calls run in the order they were made; each resolves once committed.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deserializeError, CacheWriteFailed, type WriterInit, type WriterReply } from './protocol.js';
import type { WriteOps } from './write-ops.js';

export type CacheWriter = {
  readonly [K in keyof WriteOps]: (...args: Parameters<WriteOps[K]>) => Promise<Awaited<ReturnType<WriteOps[K]>>>;
};

export interface RunningWriter {
  writer: CacheWriter;
  /** Waits for the calls already made, closes the connection and ends the thread. */
  close(): Promise<void>;
}

/** Name of the built writer entry, emitted beside the main bundle (electron.vite.config.ts). */
const BUILT_ENTRY = 'cache-writer.js';

/**
 * Running from TypeScript sources (tests, tsx, the browser host in development), the thread loads
 * worker-main.ts through tsx; from the built app, the bundled entry beside this chunk.
 */
/**
 * The writer's heap holds one or two parsed pages at a time; a small young generation makes V8 collect
 * them promptly instead of letting a second isolate's heap grow into the RSS budget.
 */
const WRITER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 256 };

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

export function startWriter(init: WriterInit): Promise<RunningWriter> {
  const worker = spawnWriter(init);
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let gone: Error | null = null;
  let onClosed: (() => void) | null = null;

  const failAll = (error: Error) => {
    gone ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };

  return new Promise<RunningWriter>((resolveStart, rejectStart) => {
    worker.on('message', (reply: WriterReply) => {
      switch (reply.type) {
        case 'ready':
          resolveStart({ writer, close });
          return;
        case 'failed':
          rejectStart(deserializeError(reply.error));
          return;
        case 'closed':
          onClosed?.();
          return;
        case 'result': {
          const call = pending.get(reply.id);
          pending.delete(reply.id);
          if (reply.ok) call?.resolve(reply.value);
          else call?.reject(deserializeError(reply.error));
        }
      }
    });
    worker.on('error', (error) => {
      const failure = new CacheWriteFailed(error.name, 'The cache writer stopped.');
      failAll(failure);
      rejectStart(failure);
    });
    worker.on('exit', () => {
      const failure = new CacheWriteFailed('exit', 'The cache writer has closed.');
      failAll(failure);
      rejectStart(failure);
      onClosed?.();
    });

    const call = (op: string, args: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        if (gone) return reject(gone);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'call', id, op, args });
      });

    // Any op name becomes a call; `then` stays undefined so the writer itself is never taken for a promise.
    const writer = new Proxy({} as CacheWriter, {
      get: (_, op) => (typeof op === 'string' && op !== 'then' ? (...args: unknown[]) => call(op, args) : undefined),
    });

    let closing: Promise<void> | null = null;
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
