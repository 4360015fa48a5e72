// `npm start`'s way to SQLite for Electron (issue 13 item 10): prebuilt download first, @electron/rebuild second,
// one line naming what is missing when neither works. The download and build steps are injected; the staging,
// copying and caching around them run for real in a throwaway project folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  downloadProblem,
  electronSqlitePath,
  prepareElectronSqlite,
  stagedFile,
  type SqliteSteps,
  type StepContext,
} from '../../scripts/lib/electron-sqlite.mjs';

const target = { electronVersion: '39.8.10', platform: 'win32' as const, arch: 'x64' };
let root: string;
const calls: string[] = [];
const log = () => undefined;

let base: string;

/** A project folder at `folder` (under the test's temporary folder) with the driver installed for Node. */
function makeProject(folder: string): string {
  const project = join(base, folder);
  const pkg = join(project, 'node_modules/better-sqlite3-multiple-ciphers');
  mkdirSync(join(pkg, 'build/Release'), { recursive: true });
  mkdirSync(join(pkg, 'lib'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3-multiple-ciphers"}');
  writeFileSync(join(pkg, 'lib/index.js'), 'module.exports = {};');
  writeFileSync(join(pkg, 'build/Release/better_sqlite3.node'), 'node-abi build');
  return project;
}

beforeEach(() => {
  calls.length = 0;
  base = mkdtempSync(join(tmpdir(), 'pm-electron-sqlite-'));
  root = makeProject('practice-messenger');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** A step that leaves `contents` as the staged module's binary, or fails with `error`. */
const step =
  (name: string, outcome: { contents: string } | { error: string }) =>
  async ({ moduleDir }: StepContext): Promise<void> => {
    calls.push(name);
    // The stage holds the driver's package (prebuild-install reads its package.json) but never Node's build:
    // what is there was put by this step.
    expect(existsSync(join(moduleDir, 'package.json'))).toBe(true);
    expect(existsSync(join(moduleDir, 'lib/index.js'))).toBe(true);
    expect(existsSync(join(moduleDir, 'build/Release/better_sqlite3.node'))).toBe(false);
    if ('error' in outcome) throw new Error(outcome.error);
    mkdirSync(join(moduleDir, 'build/Release'), { recursive: true });
    writeFileSync(join(moduleDir, 'build/Release/better_sqlite3.node'), outcome.contents);
  };

const steps = (download: SqliteSteps['download'], build: SqliteSteps['build']): SqliteSteps => ({ download, build });

describe('prepareElectronSqlite', () => {
  it('takes the prebuilt binary when the download works, and never builds', async () => {
    const result = await prepareElectronSqlite(root, {
      target,
      log,
      steps: steps(step('download', { contents: 'electron prebuilt' }), step('build', { contents: 'built' })),
    });
    expect(calls).toEqual(['download']);
    expect(result).toEqual({ ok: true, path: electronSqlitePath(root, target), how: 'downloaded' });
    expect(readFileSync(electronSqlitePath(root, target), 'utf8')).toBe('electron prebuilt');
    // Node's own build in node_modules is untouched, so `npm test` keeps working.
    expect(
      readFileSync(
        join(root, 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'),
        'utf8',
      ),
    ).toBe('node-abi build');
  });

  it('falls back to @electron/rebuild when no prebuilt binary can be had', async () => {
    const result = await prepareElectronSqlite(root, {
      target,
      log,
      steps: steps(
        step('download', { error: 'getaddrinfo ENOTFOUND github.com' }),
        step('build', { contents: 'built' }),
      ),
    });
    expect(calls).toEqual(['download', 'build']);
    expect(result).toMatchObject({ ok: true, how: 'built' });
    expect(readFileSync(electronSqlitePath(root, target), 'utf8')).toBe('built');
  });

  it('says in one line what is missing when neither works, naming the toolchain of that OS', async () => {
    const result = await prepareElectronSqlite(root, {
      target,
      log,
      steps: steps(
        step('download', { error: 'Response status 404 No prebuilt binaries found' }),
        step('build', { error: 'gyp ERR! find VS' }),
      ),
    });
    expect(calls).toEqual(['download', 'build']);
    expect(result.ok).toBe(false);
    const reason = result.ok ? '' : result.reason;
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason).toContain('Electron 39.8.10 (win32-x64)');
    expect(reason).toContain('no prebuilt driver is published for it');
    expect(reason).toContain('Visual Studio Build Tools');
    expect(existsSync(electronSqlitePath(root, target))).toBe(false);
    expect(existsSync(join(root, '.electron-native/stage'))).toBe(false);
  });

  it('reuses what an earlier start prepared without downloading again', async () => {
    const path = electronSqlitePath(root, target);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'from last time');
    const result = await prepareElectronSqlite(root, {
      target,
      log,
      steps: steps(step('download', { contents: 'x' }), step('build', { contents: 'y' })),
    });
    expect(calls).toEqual([]);
    expect(result).toEqual({ ok: true, path, how: 'cached' });
  });

  it('names macOS and Linux toolchains too', async () => {
    for (const [platform, words] of [
      ['darwin', 'xcode-select --install'],
      ['linux', 'build-essential'],
    ] as const) {
      const result = await prepareElectronSqlite(root, {
        target: { ...target, platform },
        log,
        steps: steps(step('download', { error: 'ECONNREFUSED' }), step('build', { error: 'no make' })),
      });
      expect(result.ok ? '' : result.reason).toContain(words);
    }
  });
});

describe('staging the driver', () => {
  it('works for a project inside a folder named build (a CI checkout, say)', async () => {
    root = makeProject('build/practice-messenger');
    const result = await prepareElectronSqlite(root, {
      target,
      log,
      steps: steps(step('download', { contents: 'electron prebuilt' }), step('build', { contents: 'built' })),
    });
    expect(calls).toEqual(['download']);
    expect(result).toMatchObject({ ok: true, how: 'downloaded' });
  });

  it('leaves out Node’s build folder by its place in the package, with Windows paths too', () => {
    const win = 'C:\\Users\\desk\\build\\pm\\node_modules\\better-sqlite3-multiple-ciphers';
    expect(stagedFile(win, `${win}\\build`, path.win32)).toBe(false);
    expect(stagedFile(win, `${win}\\build\\Release\\better_sqlite3.node`, path.win32)).toBe(false);
    expect(stagedFile(win, `${win}\\package.json`, path.win32)).toBe(true);
    expect(stagedFile(win, `${win}\\src\\better_sqlite3.cpp`, path.win32)).toBe(true);
    expect(stagedFile('/srv/build/pm/m', '/srv/build/pm/m/lib/index.js', path.posix)).toBe(true);
    expect(stagedFile('/srv/build/pm/m', '/srv/build/pm/m/build/Release', path.posix)).toBe(false);
  });
});

describe('downloadProblem', () => {
  it('tells a missing prebuilt from a missing connection', () => {
    expect(downloadProblem(new Error('404 Not Found'))).toBe('no prebuilt driver is published for it');
    expect(downloadProblem(new Error('connect ETIMEDOUT 140.82.121.4:443'))).toBe('no connection to GitHub');
    expect(downloadProblem(new Error('tar: bad header\nmore'))).toBe('the download failed (tar: bad header)');
  });
});
