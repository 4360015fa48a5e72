// Checks an account's encrypted cache before it is opened: one that cannot be decrypted or fails
// integrity_check is moved aside (kept for inspection, never deleted) so a fresh one is created in
// its place. Nothing is read from a cache before its check has passed.
import fs from 'node:fs';
import { checkInWorker, openEncrypted, type Db } from './driver.js';

export interface CacheRecovery {
  reason: 'undecryptable' | 'integrity_check_failed' | 'key_unavailable';
  movedTo: string;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/**
 * `keyWasKnown` false means the key was lost (secrets kept in memory only): the old file can't be
 * read. The check (seconds on a 100,000-message cache) runs in a worker thread; on this thread
 * only where no worker can start.
 */
export async function checkBeforeOpen(
  file: string,
  keyHex: string,
  keyWasKnown: boolean,
): Promise<CacheRecovery | null> {
  if (!fs.existsSync(file)) return null;
  let problem: CacheRecovery['reason'] | null;
  if (!keyWasKnown) problem = 'key_unavailable';
  else {
    const outcome = (await checkInWorker(file, keyHex)) ?? checkCache(file, keyHex) ?? 'ok';
    problem = outcome === 'ok' ? null : outcome;
  }
  return problem ? { reason: problem, movedTo: moveAside(file) } : null;
}

function checkCache(file: string, keyHex: string): CacheRecovery['reason'] | null {
  let db: Db;
  try {
    db = openEncrypted(file, keyHex);
  } catch {
    return 'undecryptable';
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.length === 1 && rows[0]?.integrity_check === 'ok' ? null : 'integrity_check_failed';
  } catch {
    return 'integrity_check_failed';
  } finally {
    db.close();
  }
}

function moveAside(file: string): string {
  const movedTo = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix);
  }
  return movedTo;
}
