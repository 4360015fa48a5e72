// Test helper: starts a practice server on a temporary data folder (demo data, free port, no logs
// by default), on SQLite or, in the `server-postgres` project, on a fresh PostgreSQL database, and
// removes everything again with cleanup().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPracticeServer, type PracticeServerOptions, type RunningPracticeServer } from '../../server/start.js';
import { testDatabaseUrl } from './practice-server-postgres.js';

export interface TestPracticeServer extends RunningPracticeServer {
  dataDir: string;
  /** The PostgreSQL database the server runs on (null on SQLite). */
  databaseUrl: string | null;
  cleanup(): Promise<void>;
}

export async function startTestServer(opts: Partial<PracticeServerOptions> = {}): Promise<TestPracticeServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'practice-server-test-'));
  const databaseUrl = opts.databaseUrl !== undefined ? opts.databaseUrl : await testDatabaseUrl();
  const server = await startPracticeServer({ demo: true, port: 0, logger: false, ...opts, dataDir, databaseUrl });
  return {
    ...server,
    dataDir,
    databaseUrl,
    cleanup: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
