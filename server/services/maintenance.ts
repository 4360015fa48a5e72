// Housekeeping run at start and hourly: drops idle tokens, email alerts done for a week, and uploads
// that no message used within 24 h together with their bytes (unless another upload or document shares them).
import { rmSync } from 'node:fs';
import { sql, type Db } from '../db/database.js';
import { purgeIdleTokens } from './auth/tokens.js';
import type { BlobStore } from './blob-store.js';

export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
const FINISHED_ALERT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function runMaintenance(db: Db, blobs: BlobStore, now: number, tokenIdleMs: number): void {
  if (!db.open) return;
  purgeIdleTokens(db, now, tokenIdleMs);
  // A finished alert's next_attempt_at is when it was last tried.
  sql(db, "DELETE FROM email_queue WHERE state IN ('sent', 'failed') AND next_attempt_at < ?").run(
    now - FINISHED_ALERT_TTL_MS,
  );
  const removed = db
    .transaction(() => {
      const stale = sql(
        db,
        `SELECT id, sha256 FROM uploads u WHERE created_at < ?
       AND NOT EXISTS (SELECT 1 FROM message_files f WHERE f.upload_id = u.id)`,
      ).all(now - UNUSED_UPLOAD_TTL_MS) as { id: string; sha256: string }[];
      for (const upload of stale) sql(db, 'DELETE FROM uploads WHERE id = ?').run(upload.id);
      return stale;
    })
    .immediate(); // IMMEDIATE: a read-then-write transaction must not race the writer thread's commits
  for (const sha256 of new Set(removed.map((upload) => upload.sha256))) {
    const stillUsed =
      sql(db, 'SELECT 1 FROM uploads WHERE sha256 = ? UNION ALL SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1').get(
        sha256,
        sha256,
      ) !== undefined;
    if (!stillUsed) rmSync(blobs.pathOf(sha256), { force: true });
  }
}
