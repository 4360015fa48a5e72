// Housekeeping run at start and hourly: drops idle tokens, email alerts done for a week, old sign-in
// attempts, and uploads that no message used within 24 h together with their bytes (unless another
// upload or document shares them). With several instances it runs on one at a time (maintenance lock).
import { deleteFinishedAlerts } from '../storage/queries/email-queue.js';
import { deleteAttemptsBefore } from '../storage/queries/sign-in-attempts.js';
import { blobInUse, deleteUnusedUploads } from '../storage/queries/uploads.js';
import { withMaintenanceLock } from '../storage/queries/locks.js';
import type { Executor } from '../storage/schema.js';
import type { BlobStore } from '../storage/blobs/blob-store.js';
import { purgeIdleTokens } from './auth/tokens.js';

export const UNUSED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
export const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;
const FINISHED_ALERT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const SIGN_IN_ATTEMPT_TTL_MS = 60 * 60 * 1000;

/** Resolves with false when another instance was already running it. */
export function runMaintenance(db: Executor, blobs: BlobStore, now: number, tokenIdleMs: number): Promise<boolean> {
  return withMaintenanceLock(db, async (trx) => {
    await purgeIdleTokens(trx, now, tokenIdleMs);
    await deleteFinishedAlerts(trx, now - FINISHED_ALERT_TTL_MS);
    await deleteAttemptsBefore(trx, now - SIGN_IN_ATTEMPT_TTL_MS);
    const orphans = await deleteUnusedUploads(trx, now - UNUSED_UPLOAD_TTL_MS);
    const unused: string[] = [];
    for (const sha256 of orphans) if (!(await blobInUse(trx, sha256))) unused.push(sha256);
    return unused;
  }).then(async (unused) => {
    if (unused === null) return false;
    // After the commit: bytes written in the last hour may belong to an upload still being recorded.
    for (const sha256 of unused) await blobs.removeIfOlderThan(sha256, now - 60 * 60 * 1000);
    return true;
  });
}
