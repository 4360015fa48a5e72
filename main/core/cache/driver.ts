// The only module that imports the SQLite driver: opens an encrypted (SQLCipher-style) database.
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;
export type Statement = Database.Statement;

/** Opens (or creates) `file` encrypted with a 256-bit key given as 64 hex characters. */
export function openEncrypted(file: string, keyHex: string): Db {
  if (!/^[0-9a-f]{64}$/.test(keyHex)) throw new Error('cache key must be 64 hex characters');
  const db = new Database(file);
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${keyHex}'"`);
    // Reading the schema is the first access that needs the key: a wrong key fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode=WAL');
    db.pragma('synchronous=FULL');
    db.pragma('foreign_keys=ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
