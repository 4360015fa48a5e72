// Numbers committed feed rows in PostgreSQL. Writers insert feed rows with seq NULL; a sequencer run
// locks the feed_counter row (so runs on all instances take turns), numbers every committed
// unnumbered row above the counter, and commits. A seq is thus visible only once every lower seq
// is: a client's cursor can never pass a change that commits later (DESIGN.md, feed order). The
// same transaction sends one NOTIFY with the newest seq per user for the other instances.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../schema.js';

export const FEED_CHANNEL = 'practice_feed';
const BATCH = 5_000;
const NOTIFY_PAYLOAD_LIMIT = 7_000; // PostgreSQL's limit is 8000 bytes

/** What one NOTIFY on FEED_CHANNEL carries: who sent it, and the newest seq per staff id. */
export interface FeedNotice {
  from: string;
  grown: [string, number][];
}

export class FeedSequencer {
  private running: Promise<void> | null = null;
  private again: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly instanceId: string,
    /** Called after each run that numbered rows, with the newest seq per staff id. */
    private readonly onSequenced: (grown: Map<string, number>) => void,
  ) {}

  /**
   * Resolves once every feed row committed before this call is numbered and committed. Calls that
   * arrive while a run is going share the next run (that run batches them all, like a group commit).
   */
  run(): Promise<void> {
    if (!this.running) {
      this.running = this.runUntilDone().finally(() => (this.running = null));
      return this.running;
    }
    this.again ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.again = null;
        return this.run();
      });
    return this.again;
  }

  /** True when some committed feed row still waits for its number (a crashed instance's, say). */
  async pending(): Promise<boolean> {
    const row = await sql<{ id: number }>`SELECT id FROM feed WHERE seq IS NULL LIMIT 1`.execute(this.db);
    return row.rows.length > 0;
  }

  private async runUntilDone(): Promise<void> {
    for (;;) {
      const { grown, numbered } = await this.runOnce();
      if (grown.size > 0) this.onSequenced(grown);
      if (numbered < BATCH) return;
    }
  }

  private runOnce(): Promise<{ grown: Map<string, number>; numbered: number }> {
    return this.db.transaction().execute(async (trx) => {
      // The row lock is the turn: a run on another instance waits here until the previous commits,
      // and its next statement (a new snapshot) sees the rows that run numbered.
      const counter = await sql<{ last_seq: number }>`SELECT last_seq FROM feed_counter FOR UPDATE`.execute(trx);
      const last = counter.rows[0]?.last_seq ?? 0;
      const numbered = await sql<{ staff_id: string; seq: number }>`
        WITH pending AS (SELECT id FROM feed WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}),
             numbered AS (SELECT id, ${last}::bigint + row_number() OVER (ORDER BY id) AS seq FROM pending)
        UPDATE feed f SET seq = n.seq FROM numbered n WHERE f.id = n.id
        RETURNING f.staff_id, f.seq`.execute(trx);
      const grown = new Map<string, number>();
      for (const row of numbered.rows) grown.set(row.staff_id, Math.max(row.seq, grown.get(row.staff_id) ?? 0));
      if (numbered.rows.length === 0) return { grown, numbered: 0 };
      await sql`UPDATE feed_counter SET last_seq = ${last + numbered.rows.length}`.execute(trx);
      const payloads = noticePayloads(this.instanceId, grown);
      await sql`SELECT pg_notify(${FEED_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`.execute(trx);
      return { grown, numbered: numbered.rows.length };
    });
  }
}

/** The notices for `grown`, split so that each payload stays under PostgreSQL's limit. */
export function noticePayloads(from: string, grown: Map<string, number>): string[] {
  const payloads: string[] = [];
  let batch: [string, number][] = [];
  let size = 0;
  for (const entry of grown) {
    const length = entry[0].length + 20;
    if (size + length > NOTIFY_PAYLOAD_LIMIT && batch.length > 0) {
      payloads.push(JSON.stringify({ from, grown: batch } satisfies FeedNotice));
      batch = [];
      size = 0;
    }
    batch.push(entry);
    size += length;
  }
  if (batch.length > 0) payloads.push(JSON.stringify({ from, grown: batch } satisfies FeedNotice));
  return payloads;
}
