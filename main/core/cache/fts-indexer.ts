// Fills the full-text index behind the message rows in small batches, so storing a sync page
// never waits for indexing and no batch holds the event loop for long.
import type { Db } from './driver.js';

export class FtsIndexer {
  private readonly watermark;
  private readonly indexBatch;

  constructor(private readonly db: Db) {
    const read = db.prepare<[], { indexed_through: number }>('SELECT indexed_through FROM fts_progress WHERE id = 1');
    this.watermark = () => read.get()?.indexed_through ?? 0;
    const insert = db.prepare<[number, number]>(
      `INSERT INTO messages_fts (rowid, subject, body, sender_name, patient_name)
       SELECT rowid, subject, body, sender_name, patient_name FROM messages WHERE rowid > ? ORDER BY rowid LIMIT ?`,
    );
    const last = db.prepare<[number, number], { rowid: number }>(
      'SELECT max(rowid) AS rowid FROM (SELECT rowid FROM messages WHERE rowid > ? ORDER BY rowid LIMIT ?)',
    );
    const advance = db.prepare<[number]>('UPDATE fts_progress SET indexed_through = ? WHERE id = 1');
    this.indexBatch = db.transaction((limit: number): number => {
      const from = this.watermark();
      const through = last.get(from, limit)?.rowid;
      if (!through) return 0;
      const { changes } = insert.run(from, limit);
      advance.run(through);
      return changes;
    });
  }

  /** Indexes up to `limit` rows not yet indexed; returns how many it indexed. */
  step(limit = 250): number {
    return this.indexBatch(limit);
  }

  /** Rows stored but not yet indexed. */
  backlog(): number {
    return (
      this.db
        .prepare<[number], { n: number }>('SELECT count(*) AS n FROM messages WHERE rowid > ?')
        .get(this.watermark())?.n ?? 0
    );
  }

  /** Indexes everything, a batch per event-loop turn (so other writes interleave). */
  async catchUp(isOpen: () => boolean, limit = 250): Promise<number> {
    let total = 0;
    for (;;) {
      if (!isOpen()) return total;
      const indexed = this.step(limit);
      if (indexed === 0) return total;
      total += indexed;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** FTS5's own check of the index against the rows it covers; throws when they disagree. */
  check(): void {
    this.db.prepare(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`).run();
  }
}
