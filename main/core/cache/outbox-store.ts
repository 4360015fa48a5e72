// The outbox: user actions waiting for the server, in the order they were taken.
import type { OutboxItem } from '../../../common/desktop/index.js';
import type { Db } from './driver.js';

export type OutboxKind = OutboxItem['kind'];

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  practice_id: string;
  target: string | null;
  payload: string;
  description: string;
  status: 'pending' | 'failed';
  error: string | null;
  created_at: string;
}

export class OutboxStore {
  private readonly insertStmt;
  private readonly nextStmt;
  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (kind, practice_id, target, payload, description, created_at)
       VALUES (@kind, @practiceId, @target, @payload, @description, @createdAt)`,
    );
    this.nextStmt = db.prepare<[number], OutboxRow>(
      `SELECT * FROM outbox WHERE status = 'pending' AND id > ? ORDER BY id LIMIT 1`,
    );
  }

  add(item: {
    kind: OutboxKind;
    practiceId: string;
    target: string | null;
    payload: unknown;
    description: string;
  }): number {
    const result = this.insertStmt.run({
      ...item,
      payload: JSON.stringify(item.payload),
      createdAt: new Date().toISOString(),
    });
    return Number(result.lastInsertRowid);
  }

  /** The first pending item after `afterId`, so a failed item does not hold back the rest. */
  nextPending(afterId: number): OutboxRow | null {
    return this.nextStmt.get(afterId) ?? null;
  }

  /** The items about one thing (a thread, a template), oldest first, pending and failed. */
  forTarget(kind: OutboxKind, target: string): OutboxRow[] {
    return this.db
      .prepare<[OutboxKind, string], OutboxRow>('SELECT * FROM outbox WHERE kind = ? AND target = ? ORDER BY id')
      .all(kind, target);
  }

  get(id: number): OutboxRow | null {
    return this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id) ?? null;
  }

  updatePayload(id: number, payload: unknown): void {
    this.db.prepare('UPDATE outbox SET payload = ? WHERE id = ?').run(JSON.stringify(payload), id);
  }

  /**
   * A send's payload, false when the send is gone (cancelled). Ids are reused once the newest row is gone, so
   * the target must match too, or a cancelled send's late write would land on another item.
   */
  updateSendPayload(id: number, target: string | null, payload: unknown): boolean {
    const { changes } = this.db
      .prepare('UPDATE outbox SET payload = ? WHERE id = ? AND target IS ?')
      .run(JSON.stringify(payload), id, target);
    return changes === 1;
  }

  /** Points an item at another target (a template's server id once its create went through). */
  retarget(id: number, target: string): void {
    this.db.prepare('UPDATE outbox SET target = ? WHERE id = ?').run(target, id);
  }

  remove(id: number): void {
    this.db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
  }

  /** Flag/archive/read changes queued against a message that will now never be sent. */
  removeStateChangesFor(target: string): void {
    this.db.prepare(`DELETE FROM outbox WHERE kind = 'state' AND target = ?`).run(target);
  }

  markFailed(id: number, error: string): void {
    this.db.prepare(`UPDATE outbox SET status = 'failed', error = ? WHERE id = ?`).run(error, id);
  }

  markPending(id: number): void {
    this.db.prepare(`UPDATE outbox SET status = 'pending', error = NULL WHERE id = ?`).run(id);
  }

  pendingCount(): number {
    return (
      this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`).get()?.n ?? 0
    );
  }

  list(): OutboxItem[] {
    return this.db
      .prepare<[], OutboxRow>('SELECT * FROM outbox ORDER BY id')
      .all()
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        description: r.description,
        status: r.status,
        error: r.error,
        createdAt: r.created_at,
        messageId: r.target,
        cancellable: r.kind === 'send' && !(JSON.parse(r.payload) as { posted?: boolean }).posted,
      }));
  }
}
