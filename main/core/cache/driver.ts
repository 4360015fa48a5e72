// The only module that imports the SQLite driver: opens an encrypted (SQLCipher-style) database,
// runs WAL checkpoints and the integrity check on other connections in worker threads, off the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export type Statement = Database.Statement;

/**
 * `npm start` runs Electron from the source tree, where node_modules holds the driver built for Node (tests use it);
 * it builds a second copy for Electron's ABI and names it here. Installed apps are rebuilt for Electron and need none.
 */
const nativeBinding = process.env.PM_SQLITE_NATIVE_BINDING || undefined;
const driverOptions = (): Database.Options => (nativeBinding ? { nativeBinding } : {});

const KEY_PRAGMAS = (keyHex: string) => [`cipher='sqlcipher'`, 'legacy=4', `key="x'${keyHex}'"`];

/** Opens (or creates) `file` encrypted with a 256-bit key given as 64 hex characters. */
export function openEncrypted(file: string, keyHex: string): Db {
  const db = openWithKey(file, keyHex, false);
  try {
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    // Random ids make index inserts touch pages all over; keeping them in memory saves decrypting
    // them again for every sync page (16 MiB; the default is 2 MiB). 32 MiB synced no faster and
    // put the peak RSS of a 100k sync at ~290 MB, against a 300 MB budget.
    db.pragma('cache_size=-16384');
    // Checkpoint every ~16 MiB of WAL instead of 4 (when no background checkpointer runs).
    db.pragma('wal_autocheckpoint=4000');
    db.pragma('journal_size_limit=67108864');
    db.pragma('foreign_keys=ON');
    // A write may wait briefly for the checkpoint worker to restart the WAL.
    db.pragma('busy_timeout=5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The main thread's connection: read-only, over the WAL the writer thread keeps (so reads never
 * wait for a write, and a write never waits for a read).
 */
export function openReadOnly(file: string, keyHex: string): Db {
  const db = openWithKey(file, keyHex, true);
  try {
    db.pragma('cache_size=-4096');
    db.pragma('busy_timeout=5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function openWithKey(file: string, keyHex: string, readonly: boolean): Db {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('cache key must be 64 hex characters');
  const db = new Database(file, { ...driverOptions(), readonly, fileMustExist: readonly });
  try {
    for (const pragma of KEY_PRAGMAS(keyHex)) db.pragma(pragma);
    // Reading the schema is the first access that needs the key: a wrong key fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

// CommonJS source of the checkpoint worker: its own connection, a PASSIVE checkpoint on a timer.
// PASSIVE never takes the write lock. (RESTART did, and a deferred transaction that must upgrade
// to write while another connection holds that lock fails at once with SQLITE_BUSY: page stores
// and search-index batches failed so in bench/core-cache.ts under load.) The WAL still restarts:
// SQLite rewinds it at the first write after a checkpoint that copied everything, and
// journal_size_limit trims it. The cost: during a long backfill the WAL grows (~360 MB at 100k).
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
for (const pragma of workerData.pragmas) db.pragma(pragma);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch { /* busy or closing: next tick */ }
}, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  /** Resolves once the worker's connection is closed and the thread has exited. */
  stop(): Promise<void>;
}

/**
 * Moves checkpointing (copying WAL pages into the database, the slowest part of a commit) to a
 * worker thread, and turns it off on `db`. Returns null, leaving auto-checkpoints on, where a
 * worker cannot start.
 */
export function startCheckpointer(db: Db, keyHex: string, intervalMs = 200): Checkpointer | null {
  let worker: Worker;
  try {
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
    worker = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: {
        driverPath,
        file: db.name,
        pragmas: KEY_PRAGMAS(keyHex),
        intervalMs,
        nativeBinding: nativeBinding ?? null,
      },
    });
  } catch {
    return null;
  }
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => db.open && db.pragma('wal_autocheckpoint=4000'));
  db.pragma('wal_autocheckpoint=0');
  return {
    stop() {
      // Keep the process alive until the worker has closed its connection.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}

export type CheckOutcome = 'ok' | 'undecryptable' | 'integrity_check_failed';

// CommonJS source of the check worker: opens the file with the key and runs integrity_check
// (seconds on a 100,000-message cache), then answers with a CheckOutcome.
const CHECK_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
let outcome = 'integrity_check_failed';
let db = null;
try {
  db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
  for (const pragma of workerData.pragmas) db.pragma(pragma);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
} catch {
  outcome = 'undecryptable';
}
if (outcome !== 'undecryptable') {
  try {
    const rows = db.pragma('integrity_check');
    outcome = rows.length === 1 && rows[0].integrity_check === 'ok' ? 'ok' : 'integrity_check_failed';
  } catch { outcome = 'integrity_check_failed'; }
}
try { if (db) db.close(); } catch {}
parentPort.postMessage(outcome);
`;

/** Decrypts and integrity-checks `file` in a worker thread; null when no worker could run it. */
export function checkInWorker(file: string, keyHex: string): Promise<CheckOutcome | null> {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) return Promise.resolve('undecryptable');
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const driverPath = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
      worker = new Worker(CHECK_WORKER, {
        eval: true,
        workerData: { driverPath, file, pragmas: KEY_PRAGMAS(keyHex), nativeBinding: nativeBinding ?? null },
      });
    } catch {
      resolve(null);
      return;
    }
    let answered = false;
    worker.once('message', (outcome: CheckOutcome) => {
      answered = true;
      resolve(outcome);
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => answered || resolve(null));
  });
}
