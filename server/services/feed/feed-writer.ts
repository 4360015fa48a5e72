// Appends to a staff user's change feed, remembering the newest seq per user so that live sockets
// can be told once the transaction commits.
import { sql, type Db } from '../../db/database.js';

export type FeedKind = 'message' | 'state' | 'settings' | 'user';

export class FeedWriter {
  readonly newestSeqByStaff = new Map<string, number>();

  constructor(private readonly db: Db) {}

  append(
    staffId: string,
    practiceId: string,
    kind: FeedKind,
    payload: string,
    messageSeq: number | null = null,
  ): number {
    const result = sql(
      this.db,
      'INSERT INTO feed (staff_id, practice_id, kind, message_seq, payload) VALUES (?, ?, ?, ?, ?)',
    ).run(staffId, practiceId, kind, messageSeq, payload);
    const seq = Number(result.lastInsertRowid);
    this.newestSeqByStaff.set(staffId, seq);
    return seq;
  }
}
