// Opens the system of record: SQLite in DATA_DIR (the embedded default) or PostgreSQL when
// DATABASE_URL is a postgres:// URL, with its schema brought up to date either way.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { migratePostgres } from './postgres/migrate-postgres.js';
import { postgresKysely, postgresPool } from './postgres/open-postgres.js';
import { privateDatabaseFile } from './private-files.js';
import type { Schema } from './schema.js';
import { openSqliteFile, sqliteKysely } from './sqlite/open-sqlite.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Storage {
  dialect: Dialect;
  /** This process's queries: reads, and on SQLite the few single-statement writes of the event loop. */
  db: Kysely<Schema>;
  /** SQLite: the database file, which the writer thread opens on its own connection. */
  sqliteFile: string | null;
  /** PostgreSQL: the connection string (the live listener holds a connection of its own). */
  postgresUrl: string | null;
  /** SQLite: from now on the writer thread checkpoints the WAL, off the event loop. */
  leaveCheckpointsToWriter(): void;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** postgres://... selects PostgreSQL; empty or unset, SQLite in dataDir. */
  databaseUrl?: string | null;
  dataDir: string;
  /** PostgreSQL pool size per instance. */
  poolSize?: number;
}

export const isPostgresUrl = (url: string | null | undefined): url is string =>
  typeof url === 'string' && /^postgres(ql)?:\/\//.test(url);

export async function openStorage(o: StorageOptions): Promise<Storage> {
  if (isPostgresUrl(o.databaseUrl)) {
    const pool = postgresPool(o.databaseUrl, { max: o.poolSize });
    try {
      await migratePostgres(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = postgresKysely(pool);
    return {
      dialect: 'postgres',
      db,
      sqliteFile: null,
      postgresUrl: o.databaseUrl,
      leaveCheckpointsToWriter: () => undefined,
      close: () => db.destroy(),
    };
  }
  const sqliteFile = join(o.dataDir, 'practice.sqlite');
  privateDatabaseFile(sqliteFile);
  const file = openSqliteFile(sqliteFile);
  const db = sqliteKysely(file);
  return {
    dialect: 'sqlite',
    db,
    sqliteFile,
    postgresUrl: null,
    leaveCheckpointsToWriter: () => void file.pragma('wal_autocheckpoint = 0'),
    close: async () => {
      if (file.open) await db.destroy();
    },
  };
}
