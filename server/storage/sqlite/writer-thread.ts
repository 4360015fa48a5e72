// The event loop's side of the SQLite writer thread: sends it writes by name, answers each caller
// once its commit is durable, and announces committed changes (live sockets, email alerts) here.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../errors.js';
import type { CommittedChanges } from './group-commit.js';
import type { FromWriter, ToWriter, WriteRequest, WriterData, WriterEvent } from './writer-protocol.js';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class WriterThread {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private queued: WriteRequest[] = [];
  private dead: Error | null = null;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly worker: Worker,
    private readonly announce: (changes: CommittedChanges) => void,
    private readonly now: () => number,
  ) {
    worker.on('message', (message: FromWriter) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('the writer thread stopped')));
  }

  /**
   * Starts the worker module `entry` (which runs the writes) on `data.file`, already migrated, and
   * resolves once its connection is open.
   */
  static async start(
    entry: URL,
    data: WriterData,
    announce: (changes: CommittedChanges) => void,
    now: () => number,
  ): Promise<WriterThread> {
    const worker = spawnWorker(entry, data);
    await new Promise<void>((resolve, reject) => {
      const exited = (code: number): void =>
        reject(new Error(`the writer thread exited (${code}) before it was ready`));
      const onMessage = (message: FromWriter): void => {
        if (message.type !== 'ready') return;
        worker.off('error', reject);
        worker.off('exit', exited);
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', exited);
    });
    return new WriterThread(worker, announce, now);
  }

  run(op: string, args: unknown): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    // Requests read in the same turn of the loop go over together (flushed in its check phase).
    if (this.queued.length === 0) setImmediate(() => this.flush());
    this.queued.push({ id, op, args, now: this.now() });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private flush(): void {
    const writes = this.queued;
    this.queued = [];
    if (!this.dead) this.worker.postMessage({ type: 'writes', writes: JSON.stringify(writes) } satisfies ToWriter);
  }

  /** Lets pending commits land, closes the writer's connection and ends the thread. */
  close(): Promise<void> {
    return (this.closed ??= new Promise<void>((resolve) => {
      if (this.dead) return resolve();
      this.worker.once('exit', () => resolve());
      if (this.queued.length > 0) this.flush(); // writes first: the thread handles messages in order
      this.worker.postMessage({ type: 'close' } satisfies ToWriter);
    }));
  }

  private receive(message: FromWriter): void {
    if (message.type === 'events') (JSON.parse(message.events) as WriterEvent[]).forEach((event) => this.handle(event));
  }

  private handle(message: WriterEvent): void {
    if (message.type === 'committed') {
      this.announce({ grown: new Map(message.grown), alerts: message.alerts });
      return;
    }
    const waiter = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (!waiter) return;
    if (message.type === 'done') return waiter.resolve(message.value);
    const { statusCode, code, message: text } = message.error;
    waiter.reject(
      statusCode !== undefined && code !== undefined ? new ApiError(statusCode, code, text) : new Error(text),
    );
  }

  private fail(error: Error): void {
    this.dead ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

/** From TypeScript sources the worker needs tsx registered first (worker-boot.mjs); built JS runs as is. */
function spawnWorker(entry: URL, data: WriterData): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: data });
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href },
    execArgv: [], // the parent's `--import tsx` would load the entry before tsx is registered
  });
}
