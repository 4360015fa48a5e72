// Test helper: a second connection to a running test server's database (SQLite file or PostgreSQL),
// through the server's own query layer, for tests that look at or change rows directly.
import type { Kysely } from 'kysely';
import { openStorage } from '../../server/storage/open-storage.js';
import type { Schema } from '../../server/storage/schema.js';

export interface DatabaseProbe {
  db: Kysely<Schema>;
  close(): Promise<void>;
}

export async function openProbe(server: { dataDir: string; databaseUrl: string | null }): Promise<DatabaseProbe> {
  const storage = await openStorage({ dataDir: server.dataDir, databaseUrl: server.databaseUrl, poolSize: 2 });
  return { db: storage.db, close: () => storage.close() };
}
