// Proves the lint rule against `new URL(..., import.meta.url).pathname` bites (issue 13 item 9: `npm start` on
// Windows got "/C:/..." paths from it): fileURLToPath passes, and other URLs' pathnames are left alone.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedSyntax(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('file URLs become paths through fileURLToPath', () => {
  it.each([
    ['scripts/leak.mjs', "export const root = new URL('..', import.meta.url).pathname;"],
    ['tests/support/leak.ts', 'export const here = new URL(import.meta.url).pathname;'],
    ['main/electron/leak.ts', "export const page = new URL('../renderer/index.html', import.meta.url).pathname;"],
  ])('%s may not: %s', async (filePath, source) => {
    expect(await restrictedSyntax(filePath, `${source}\n`)).toEqual([
      'Use fileURLToPath(new URL(..., import.meta.url)): .pathname is "/C:/..." on Windows.',
    ]);
  });

  it.each([
    [
      'scripts/ok.mjs',
      "import { fileURLToPath } from 'node:url';\nexport const root = fileURLToPath(new URL('..', import.meta.url));",
    ],
    ['server/ok.ts', "export const path = (url: string) => new URL(url, 'http://x').pathname;"],
  ])('%s may', async (filePath, source) => {
    expect(await restrictedSyntax(filePath, `${source}\n`)).toEqual([]);
  });
});
