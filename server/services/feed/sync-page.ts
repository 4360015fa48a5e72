// Reads one page of a staff user's change feed as a ready-made JSON string. Each message's JSON is
// stored once and spliced in as is, and SQLite joins the page into one string: no per-row parsing,
// no per-row query, no per-row JS object (100,000-message cold syncs).
import { sql, type Db } from '../../db/database.js';
import { encodeCursor } from './cursor.js';

interface PageRow {
  last: number | null;
  items: string | null;
}

// Every change is `{"kind","practiceId", <data>}`; <data> is the message JSON plus the state
// snapshot for a message, or the stored payload under the kind's own name for the others.
const PAGE_SQL = `
SELECT max(seq) AS last, group_concat(item, ',' ORDER BY seq) AS items FROM (
  SELECT f.seq, '{"kind":"' || f.kind || '","practiceId":' || json_quote(f.practice_id) || ',' ||
    CASE f.kind WHEN 'message' THEN '"message":' || m.message_json || ',"state":' || f.payload
                ELSE '"' || f.kind || '":' || f.payload END || '}' AS item
  FROM feed f LEFT JOIN messages m ON m.seq = f.message_seq
  WHERE f.staff_id = ? AND f.seq > ? ORDER BY f.seq LIMIT ?)`;

export function syncPageJson(db: Db, staffId: string, afterSeq: number, limit: number): string {
  const page = sql(db, PAGE_SQL).get(staffId, afterSeq, limit) as PageRow;
  const last = page.last ?? afterSeq;
  const more = sql(db, 'SELECT 1 FROM feed WHERE staff_id = ? AND seq > ? LIMIT 1').get(staffId, last) !== undefined;
  return `{"changes":[${page.items ?? ''}],"cursor":"${encodeCursor(last)}","more":${more}}`;
}
