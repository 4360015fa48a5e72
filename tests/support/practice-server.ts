// Test helper: starts a practice server on a temporary data folder (demo data, free port, no
// logs by default) and removes everything again with cleanup().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPracticeServer, type PracticeServerOptions, type RunningPracticeServer } from '../../server/start.js';

export interface TestPracticeServer extends RunningPracticeServer {
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function startTestServer(opts: Partial<PracticeServerOptions> = {}): Promise<TestPracticeServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'practice-server-test-'));
  const server = await startPracticeServer({ demo: true, port: 0, logger: false, ...opts, dataDir });
  return {
    ...server,
    dataDir,
    cleanup: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
