// Opens an account's encrypted cache; one that cannot be decrypted or fails integrity_check is
// moved aside (kept for inspection, never deleted) and a fresh one is created in its place.
// Nothing is read from a cache before its check has passed.
import fs from 'node:fs';
import { checkInWorker, openEncrypted, type Db } from './driver.js';
import { migrate } from './migrations/index.js';

export interface CacheRecovery {
  reason: 'undecryptable' | 'integrity_check_failed' | 'key_unavailable';
  movedTo: string;
}

export interface OpenedCache {
  db: Db;
  recovered: CacheRecovery | null;
}

const SIDE_FILES = ['', '-wal', '-shm'];

/** `keyHex` null means the key was lost (secrets kept in memory only): the old file can't be read. */
export function openCache(file: string, keyHex: string, keyWasKnown: boolean): OpenedCache {
  const problem = fs.existsSync(file) ? (keyWasKnown ? checkCache(file, keyHex) : 'key_unavailable') : null;
  return openAfterCheck(file, keyHex, problem);
}

/**
 * The same, with the check (seconds on a 100,000-message cache) in a worker thread so the event
 * loop stays free; checked on this thread only where no worker can start.
 */
export async function openCacheChecked(file: string, keyHex: string, keyWasKnown: boolean): Promise<OpenedCache> {
  let problem: CacheRecovery['reason'] | null = null;
  if (fs.existsSync(file)) {
    if (!keyWasKnown) problem = 'key_unavailable';
    else {
      const outcome = (await checkInWorker(file, keyHex)) ?? checkCache(file, keyHex) ?? 'ok';
      problem = outcome === 'ok' ? null : outcome;
    }
  }
  return openAfterCheck(file, keyHex, problem);
}

function openAfterCheck(file: string, keyHex: string, problem: CacheRecovery['reason'] | null): OpenedCache {
  const recovered: CacheRecovery | null = problem ? { reason: problem, movedTo: moveAside(file) } : null;
  const db = openEncrypted(file, keyHex);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, recovered };
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
