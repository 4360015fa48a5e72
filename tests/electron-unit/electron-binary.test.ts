// The Electron suite's skip check: it runs where a binary exists and skips, with the reason, where
// it does not. Pure Node: the electron module is never required (it throws without its binary).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../electron/electron-binary.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function fakeDist(withBinary: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-fake-electron-'));
  dirs.push(dir);
  if (withBinary) writeFileSync(join(dir, 'electron'), '');
  return dir;
}

describe('findElectronBinary', () => {
  it('finds a binary given by ELECTRON_OVERRIDE_DIST_PATH when a display exists', () => {
    const dist = fakeDist(true);
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: ':99' });
    if (process.platform === 'linux' || !found.skipReason)
      expect(found).toEqual({ path: join(dist, 'electron'), skipReason: null });
  });

  it('skips with the reason when the binary is missing', () => {
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: fakeDist(false), DISPLAY: ':99' });
    expect(found.path).toBeNull();
    expect(found.skipReason).toMatch(/binary .* is missing/);
  });

  it.runIf(process.platform === 'linux')('skips on Linux without a display, saying how to run it', () => {
    const found = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: fakeDist(true) });
    expect(found.skipReason).toMatch(/no display.*xvfb-run/);
  });

  it('on this machine reports why it cannot run, or a binary path', () => {
    const found = findElectronBinary();
    expect(found.path === null ? found.skipReason : found.path).toBeTruthy();
  });
});
