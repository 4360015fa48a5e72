// Proves the DESIGN.md import rules bite: a file that crosses a layer fails lint, a file that doesn't passes.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const crossings: Array<[string, string]> = [
  ['main/core/leak.ts', "import { app } from 'electron';"],
  ['main/core/leak.ts', "import Store from 'electron-store';"],
  ['main/core/leak.ts', "import { App } from '../../renderer/src/App.js';"],
  ['main/core/leak.ts', "import { startPracticeServer } from '../../server/start.js';"],
  ['renderer/src/leak.ts', "import { readFileSync } from 'node:fs';"],
  ['renderer/src/leak.ts', "import { readFileSync } from 'fs';"],
  ['renderer/src/leak.ts', "import http from 'http';"],
  ['renderer/src/leak.ts', "import { ipcRenderer } from 'electron';"],
  ['renderer/src/leak.ts', "import { createEngine } from '../../main/core/engine.js';"],
  ['common/leak.ts', "import { createHash } from 'node:crypto';"],
  ['common/leak.ts', "import { startPracticeServer } from '../server/start.js';"],
  ['common/leak.ts', "import { App } from '../renderer/src/App.js';"],
  ['server/leak.ts', "import { createEngine } from '../main/core/engine.js';"],
  ['server/leak.ts', "import { app } from 'electron';"],
  ['main/web/leak.ts', "import { BrowserWindow } from 'electron';"],
  ['main/web/leak.ts', "import { x } from '../electron/index.js';"],
  ['preload/leak.ts', "import { createEngine } from '../main/core/engine.js';"],
  ['preload/leak.ts', "import { readFileSync } from 'node:fs';"],
];

describe('layer rules (eslint no-restricted-imports)', () => {
  it.each(crossings)('%s may not: %s', async (filePath, source) => {
    const messages = await restrictedImports(filePath, `${source}\nexport {};\n`);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toContain('DESIGN.md import rules');
  });

  it.each<[string, string]>([
    [
      'main/core/ok.ts',
      "import { desktopMethods } from '../../common/desktop/index.js';\nimport { readFileSync } from 'node:fs';",
    ],
    [
      'main/electron/ok.ts',
      "import { app } from 'electron';\nimport { dispatchDesktopCall } from '../core/bridge/dispatch.js';",
    ],
    [
      'renderer/src/ok.ts',
      "import { desktopMethods } from '../../common/desktop/index.js';\nimport { Message } from '../../common/http/index.js';",
    ],
    ['server/ok.ts', "import { LoginRequest } from '../common/http/index.js';\nimport { join } from 'node:path';"],
    [
      'preload/ok.ts',
      "import { contextBridge } from 'electron';\nimport { desktopMethodNames } from '../common/desktop/index.js';",
    ],
  ])('%s may import its own layers', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toEqual([]);
  });
});
