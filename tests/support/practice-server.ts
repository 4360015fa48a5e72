// Test helper: starts a practice server on a temporary data folder (demo data, free port, no
// logs, cheap password hashing by default) and removes everything again with cleanup().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScryptParams } from '../../server/services/auth/passwords.js';
import { startPracticeServer, type PracticeServerOptions, type RunningPracticeServer } from '../../server/start.js';

/**
 * Suites sign in often; at production cost (N=2^17, ~0.4 s each) that would dominate their time.
 * Tests of the hashing itself pass `passwordHashing: PASSWORD_HASHING` to run at full strength.
 */
export const TEST_PASSWORD_HASHING: ScryptParams = { ln: 10, r: 8, p: 1 };

export interface TestPracticeServer extends RunningPracticeServer {
  dataDir: string;
  cleanup(): Promise<void>;
}

export async function startTestServer(opts: Partial<PracticeServerOptions> = {}): Promise<TestPracticeServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'practice-server-test-'));
  const server = await startPracticeServer({
    demo: true,
    port: 0,
    logger: false,
    passwordHashing: TEST_PASSWORD_HASHING,
    ...opts,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    cleanup: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
