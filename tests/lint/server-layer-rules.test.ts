// Proves the server's own layer rules bite (eslint.config.js): routes -> services -> storage, and
// http/ is Fastify glue. A file that imports the wrong way fails lint; one that doesn't passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('server layer rules', () => {
  it.each<[string, string]>([
    ['server/storage/queries/leak.ts', "import { signInStaff } from '../../services/sign-in.js';"],
    ['server/storage/leak.ts', "import { registerRoutes } from '../routes/index.js';"],
    ['server/storage/blobs/leak.ts', "import { sendError } from '../../http/error-handler.js';"],
    ['server/services/leak.ts', "import { registerRoutes } from '../routes/index.js';"],
    ['server/services/messages/leak.ts', "import { bearerToken } from '../../http/bearer-token.js';"],
    ['server/live/leak.ts', "import { memberCaller } from '../routes/guards.js';"],
    ['server/routes/leak.ts', "import { isMember } from '../storage/queries/people.js';"],
    ['server/http/leak.ts', "import { authenticate } from '../services/auth/authenticate.js';"],
    ['server/http/leak.ts', "import { openStorage } from '../storage/open-storage.js';"],
    ['server/services/leak.ts', "import { startPracticeServer } from '../start.js';"],
    ['server/storage/leak.ts', "import { app } from 'electron';"],
  ])('%s may not: %s', async (filePath, source) => {
    const messages = await restrictedImports(filePath, source);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain('DESIGN.md import rules');
  });

  it.each<[string, string]>([
    [
      'server/storage/queries/ok.ts',
      "import { ApiError } from '../../errors.js';\nimport { Message } from '../../../common/http/index.js';",
    ],
    [
      'server/services/ok.ts',
      "import { isMember } from '../storage/queries/people.js';\nimport { Id } from '../../common/http/index.js';",
    ],
    [
      'server/routes/ok.ts',
      "import { authenticate } from '../services/auth/authenticate.js';\nimport { sendError } from '../http/error-handler.js';",
    ],
    [
      'server/http/ok.ts',
      "import { ApiError } from '../errors.js';\nimport { HealthResponse } from '../../common/http/index.js';",
    ],
  ])('%s may import its own layers', async (filePath, source) => {
    expect(await restrictedImports(filePath, source)).toEqual([]);
  });
});
