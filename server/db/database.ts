// The only module that imports the SQLite driver: opens the server database with its pragmas and
// migrations, and hands out cached prepared statements so hot paths never re-parse SQL.
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { migrations } from './migrations/index.js';

export type Db = Sqlite.Database;
export type Statement = Sqlite.Statement<unknown[], unknown>;

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openDatabase(file: string): Db {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  // FULL: a message the server has answered 201 for must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement for `sql`, compiled once per database. */
export function sql(db: Db, source: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(source);
  if (!statement) {
    statement = db.prepare(source);
    cache.set(source, statement);
  }
  return statement;
}
