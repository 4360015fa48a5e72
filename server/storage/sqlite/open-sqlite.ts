// The only module that imports the SQLite driver: opens the server's database file with its pragmas,
// brings the schema up to date (`user_version`), and wraps it for Kysely with a statement cache,
// so hot paths never re-parse their SQL.
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from '../migrations/index.js';
import type { Schema } from '../schema.js';

export type SqliteFile = Sqlite.Database;

/** Opens (creating if needed) the database file and migrates it. */
export function openSqliteFile(file: string): SqliteFile {
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  // FULL: a message the server has answered 201 for must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);
  return db;
}

function migrateSqlite(db: SqliteFile): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** Kysely over an open file; each distinct SQL text is prepared once. */
export function sqliteKysely(db: SqliteFile): Kysely<Schema> {
  const statements = new Map<string, Sqlite.Statement>();
  const database = {
    close: () => db.close(),
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  return new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
}
