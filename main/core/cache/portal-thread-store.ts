// Patient Portal threads (the shared queue) as the server last described them. What this device
// still has to send about a thread (claim, assign, release, close) lives in the outbox; the reader
// lays it over the server's view (portal-thread-overlay.ts).
import type { PortalThread, PortalThreadStatus } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export class PortalThreadStore {
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly byStatusStmt;
  private readonly ownerStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO portal_threads (thread_id, practice_id, status, owner_id, json) VALUES (@threadId, @practiceId, @status, @ownerId, @json)
       ON CONFLICT (thread_id) DO UPDATE SET practice_id = excluded.practice_id, status = excluded.status,
         owner_id = excluded.owner_id, json = excluded.json`,
    );
    this.getStmt = db.prepare<[string], { json: string }>('SELECT json FROM portal_threads WHERE thread_id = ?');
    this.byStatusStmt = db.prepare<[string, PortalThreadStatus], { json: string }>(
      'SELECT json FROM portal_threads WHERE practice_id = ? AND status = ?',
    );
    this.ownerStmt = db.prepare<[string], { owner_id: string | null }>(
      'SELECT owner_id FROM portal_threads WHERE thread_id = ?',
    );
  }

  put(thread: PortalThread): void {
    this.upsertStmt.run({
      threadId: thread.threadId,
      practiceId: thread.practiceId,
      status: thread.status,
      ownerId: thread.owner?.id ?? null,
      json: JSON.stringify(thread),
    });
  }

  get(threadId: string): PortalThread | null {
    const row = this.getStmt.get(threadId);
    return row ? (JSON.parse(row.json) as PortalThread) : null;
  }

  withStatus(practiceId: string, status: PortalThreadStatus): PortalThread[] {
    return this.byStatusStmt.all(practiceId, status).map((r) => JSON.parse(r.json) as PortalThread);
  }

  /** The owner's id; null when unowned or unknown (a thread the server has not described yet). */
  ownerOf(threadId: string): string | null {
    return this.ownerStmt.get(threadId)?.owner_id ?? null;
  }
}
