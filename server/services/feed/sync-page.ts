// Reads one page of a staff user's change feed as a ready-made JSON string. Each message's JSON is
// stored once and spliced in as is: no per-row parsing, no per-row query (100,000-message cold syncs).
import { sql, type Db } from '../../db/database.js';
import { encodeCursor } from './cursor.js';

interface FeedRow {
  seq: number;
  kind: 'message' | 'state' | 'settings' | 'user';
  practice_id: string;
  payload: string;
  message_json: string | null;
}

const DATA_FIELD = { state: 'state', settings: 'settings', user: 'user' } as const;

export function syncPageJson(db: Db, staffId: string, afterSeq: number, limit: number): string {
  const rows = sql(
    db,
    `SELECT f.seq, f.kind, f.practice_id, f.payload,
       CASE WHEN f.kind = 'message' THEN m.message_json END AS message_json
     FROM feed f LEFT JOIN messages m ON m.seq = f.message_seq
     WHERE f.staff_id = ? AND f.seq > ? ORDER BY f.seq LIMIT ?`,
  ).all(staffId, afterSeq, limit + 1) as FeedRow[];
  const more = rows.length > limit;
  if (more) rows.pop();
  const parts = rows.map((row) => {
    const head = `{"kind":"${row.kind}","practiceId":${JSON.stringify(row.practice_id)},`;
    return row.kind === 'message'
      ? `${head}"message":${row.message_json},"state":${row.payload}}`
      : `${head}"${DATA_FIELD[row.kind]}":${row.payload}}`;
  });
  const last = rows.at(-1);
  const cursor = encodeCursor(last ? last.seq : afterSeq);
  return `{"changes":[${parts.join(',')}],"cursor":"${cursor}","more":${more}}`;
}
