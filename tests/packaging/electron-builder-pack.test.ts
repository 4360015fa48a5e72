// Packs the app with electron-builder (`--linux dir`) against a stub Electron (the real binary can't be
// downloaded here) and checks what an installer would ship: the built code inside app.asar, native modules
// unpacked beside it, and the Electron fuses flipped in the binary. Needs `npm run build` first (npm test does it).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// @electron/fuses finds the fuse wire after this sentinel: [version=1][length][one byte per fuse: '0' off, '1' on].
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

let work: string;
let unpacked: string;

function stubElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // Every fuse starts in the state a stock Electron ships with, so the test sees what the config changed.
  const stock = '10110000';
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, stock.length]),
    Buffer.from(stock),
  ]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stub');
  writeFileSync(join(dir, 'version'), JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version);
}

function readFuses(binaryPath: string): Record<string, boolean> {
  const bytes = readFileSync(binaryPath);
  const at = bytes.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const length = bytes[at + 1] ?? 0;
  return Object.fromEntries(FUSES.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === 0x31]));
}

function asarEntries(asarPath: string): string[] {
  const out = execFileSync(process.execPath, ['node_modules/@electron/asar/bin/asar.js', 'list', asarPath], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

beforeAll(() => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" before this test.`);
  }
  work = mkdtempSync(join(tmpdir(), 'pm-pack-'));
  stubElectron(join(work, 'electron-dist'));
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--linux',
      'dir',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'dist')}`,
      '-c.npmRebuild=false',
      '--publish',
      'never',
    ],
    { encoding: 'utf8', env: { ...process.env, CI: 'true', ELECTRON_BUILDER_OFFLINE: 'true' }, timeout: 240_000 },
  );
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
  unpacked = join(work, 'dist', 'linux-unpacked');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --linux dir', () => {
  it('puts the built main, preload and renderer inside app.asar, and no sources or tests', () => {
    const entries = asarEntries(join(unpacked, 'resources', 'app.asar'));
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries).toContain('/package.json');
    expect(entries.filter((e) => /^\/(server|tests|renderer\/src|main\/core)\//.test(e))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });

  it('keeps native .node modules unpacked beside the archive', () => {
    const unpackedDir = join(unpacked, 'resources', 'app.asar.unpacked');
    const natives = filesUnder(unpackedDir).filter((f) => f.endsWith('.node'));
    expect(
      natives.some((f) => f.includes('better-sqlite3-multiple-ciphers') && f.endsWith('better_sqlite3.node')),
    ).toBe(true);
    expect(relative(unpacked, unpackedDir)).toBe(join('resources', 'app.asar.unpacked'));
  });

  it('flips the Electron fuses in the packaged binary', () => {
    const fuses = readFuses(join(unpacked, 'practice-messenger'));
    expect(fuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      EnableCookieEncryption: true,
    });
  });
});
