// The user's own per-thread state (mute) as the server last said; a change made here and not yet
// sent is read from the outbox on top (CacheReader.threadMuted).
import type { ThreadState } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export class ThreadStateStore {
  private readonly upsertStmt;
  private readonly mutedStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO thread_state (thread_id, practice_id, muted) VALUES (?, ?, ?)
       ON CONFLICT (thread_id) DO UPDATE SET practice_id = excluded.practice_id, muted = excluded.muted`,
    );
    this.mutedStmt = db.prepare<[string], { muted: number }>('SELECT muted FROM thread_state WHERE thread_id = ?');
  }

  put(practiceId: string, state: ThreadState): void {
    this.upsertStmt.run(state.threadId, practiceId, state.muted ? 1 : 0);
  }

  muted(threadId: string): boolean {
    return this.mutedStmt.get(threadId)?.muted === 1;
  }
}
