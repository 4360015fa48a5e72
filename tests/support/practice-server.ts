// Test helper: starts a practice server on a temporary data folder (demo data, free port, no
// logs, cheap password hashing by default), on SQLite or, in the `server-postgres` project, on a
// fresh PostgreSQL database, and removes everything again with cleanup(), which also fails when
// any answer the server gave does not conform to its OpenAPI document.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObservedResponse } from '../../server/http/app.js';
import type { ScryptParams } from '../../server/services/auth/passwords.js';
import { startPracticeServer, type PracticeServerOptions, type RunningPracticeServer } from '../../server/start.js';
import { openApiViolations, type OpenApiDocument } from './practice-server-openapi.js';
import { testDatabaseUrl } from './practice-server-postgres.js';

/**
 * Suites sign in often; at production cost (N=2^17, ~0.4 s each) that would dominate their time.
 * Tests of the hashing itself pass `passwordHashing: PASSWORD_HASHING` to run at full strength.
 */
export const TEST_PASSWORD_HASHING: ScryptParams = { ln: 10, r: 8, p: 1 };

export interface TestPracticeServer extends RunningPracticeServer {
  dataDir: string;
  /** The PostgreSQL database the server runs on (null on SQLite). */
  databaseUrl: string | null;
  /** Every answer so far, as sent. */
  responses: ObservedResponse[];
  /** Closes, removes the data folder, then throws if an answer broke the OpenAPI document. */
  cleanup(): Promise<void>;
}

export async function startTestServer(opts: Partial<PracticeServerOptions> = {}): Promise<TestPracticeServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'practice-server-test-'));
  const databaseUrl = opts.databaseUrl !== undefined ? opts.databaseUrl : await testDatabaseUrl();
  const responses: ObservedResponse[] = [];
  const server = await startPracticeServer({
    demo: true,
    port: 0,
    logger: false,
    passwordHashing: TEST_PASSWORD_HASHING,
    observeResponses: (response) => void responses.push(response),
    ...opts,
    dataDir,
    databaseUrl,
  });
  return {
    ...server,
    dataDir,
    databaseUrl,
    responses,
    cleanup: async () => {
      const document = await fetch(`${server.url}/api/v1/openapi.json`)
        .then((r) => r.json() as Promise<OpenApiDocument>)
        .catch(() => null); // already closed by the test: nothing to check against
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      const problems = document ? openApiViolations(document, responses) : [];
      if (problems.length > 0) {
        throw new Error(`Answers that break the OpenAPI document (server/http/openapi.ts):\n${problems.join('\n')}`);
      }
    },
  };
}
