// The only module that imports the SQLite driver: opens an encrypted (SQLCipher-style) database,
// and runs WAL checkpoints on a second connection in a worker thread, off the event loop.
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
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('cache key must be 64 hex characters');
  const db = new Database(file, driverOptions());
  try {
    for (const pragma of KEY_PRAGMAS(keyHex)) db.pragma(pragma);
    // Reading the schema is the first access that needs the key: a wrong key fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    // Random ids make index inserts touch pages all over; keeping them in memory saves decrypting
    // them again for every sync page (32 MiB; the default is 2 MiB).
    db.pragma('cache_size=-32768');
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

// CommonJS source of the checkpoint worker: its own connection, a PASSIVE checkpoint on a timer.
// PASSIVE never waits for the writer, but then the WAL is never restarted while sync keeps
// writing; past the size limit a RESTART waits for a gap between pages so the WAL starts over.
const CHECKPOINT_WORKER = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {});
for (const pragma of workerData.pragmas) db.pragma(pragma);
db.pragma('busy_timeout=2000');
const walSize = () => { try { return fs.statSync(workerData.file + '-wal').size; } catch { return 0; } };
const timer = setInterval(() => {
  try {
    db.pragma(walSize() > workerData.restartBytes ? 'wal_checkpoint(RESTART)' : 'wal_checkpoint(PASSIVE)');
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
        restartBytes: 64 * 2 ** 20,
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
