// Runs the server's writes in transactions and answers each only once it is durable. SQLite: the
// writer thread's group commit (one writer, one fsync for many writes). PostgreSQL: a transaction
// per write on the pool (PostgreSQL groups concurrent commits itself), then the feed sequencer.
import type { Kysely } from 'kysely';
import { ApiError } from '../../errors.js';
import type { FeedSequencer } from '../../storage/postgres/feed-sequencer.js';
import type { Schema } from '../../storage/schema.js';
import type { CommittedChanges } from '../../storage/sqlite/group-commit.js';
import { WriterThread } from '../../storage/sqlite/writer-thread.js';
import { noChanges, type ChangeListener } from '../write-context.js';
import { runWriteOp, type WriteArgs, type WriteOp, type WriteResult } from './write-ops.js';

export interface Writes {
  run<K extends WriteOp>(op: K, args: WriteArgs<K>): Promise<WriteResult<K>>;
  close(): Promise<void>;
}

export interface WritesOptions {
  alertsEnabled: boolean;
  now: () => number;
  listener: ChangeListener;
  /** Tests: hold each transaction open this long before its COMMIT. */
  commitDelayMs: number;
}

const announce = (listener: ChangeListener) => (changes: CommittedChanges) => {
  if (changes.grown.size > 0) listener.feedGrew(changes.grown);
  if (changes.alerts) listener.alertsQueued();
};

export async function startSqliteWrites(file: string, o: WritesOptions): Promise<Writes> {
  const entry = new URL(
    import.meta.url.endsWith('.ts') ? './sqlite-write-worker.ts' : './sqlite-write-worker.js',
    import.meta.url,
  );
  const thread = await WriterThread.start(
    entry,
    { file, alertsEnabled: o.alertsEnabled, commitDelayMs: o.commitDelayMs },
    announce(o.listener),
    o.now,
  );
  return {
    run: <K extends WriteOp>(op: K, args: WriteArgs<K>) => thread.run(op, args) as Promise<WriteResult<K>>,
    close: () => thread.close(),
  };
}

/** PostgreSQL errors worth running the whole write again for. */
const RETRYABLE = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '23505', // unique_violation: a concurrent retry of the same clientId stored it first; the rerun finds it
]);
const MAX_TRIES = 3;

export class PostgresWrites implements Writes {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly sequencer: FeedSequencer,
    private readonly o: WritesOptions,
  ) {}

  async run<K extends WriteOp>(op: K, args: WriteArgs<K>): Promise<WriteResult<K>> {
    const now = this.o.now();
    for (let attempt = 1; ; attempt += 1) {
      const changes = noChanges();
      try {
        const value = await this.db.transaction().execute(async (trx) => {
          const result = await runWriteOp(
            { db: trx, now: () => now, alertsEnabled: this.o.alertsEnabled, changes },
            op,
            args,
          );
          if (this.o.commitDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.o.commitDelayMs));
          return result;
        });
        // Numbered (and so visible to /sync and announced) before the caller is answered.
        if (changes.feedWritten) await this.sequencer.run().catch(() => undefined); // the sweep numbers them later
        if (changes.alerts) this.o.listener.alertsQueued();
        return value as WriteResult<K>;
      } catch (error) {
        if (error instanceof ApiError || attempt >= MAX_TRIES) throw error;
        if (!RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
