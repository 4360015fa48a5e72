// Packs the app with electron-builder (`--linux dir`) against a stub Electron (the real binary can't be downloaded
// here) and checks what an installer would ship: the built code and only the desktop app's runtime packages inside
// app.asar (no server, renderer-source or test packages, no node-notifier helpers), the Electron build of SQLite put
// in by the afterPack hook while node_modules keeps Node's, the fuses, the policy templates and the Linux .desktop
// entry. Needs `npm run build` first (npm test does it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: object): string[];
  extractFile(archive: string, filename: string): Buffer;
};

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
/** What the desktop app must never carry (issue 13 item 3): the server's stack and other build-time packages. */
const FORBIDDEN_PACKAGES = [
  'fastify',
  '@fastify',
  'nodemailer',
  'pino',
  'kysely',
  'pg',
  '@aws-sdk',
  'node-notifier',
  'react',
  'react-dom',
  'linkify-it',
  'prebuild-install',
  'vite',
  'typescript',
];
/** Needed to install better-sqlite3, never to run it (electron-builder.yml leaves it out). */
const INSTALL_ONLY = new Set(['prebuild-install']);
const SQLITE_IN_PACKAGE = 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node';

let work: string;
let unpacked: string;
let archive: string;
let entries: string[];
let electronSqlite: string;
let nodeSqliteHashBefore: string;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function stubElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  // Every fuse starts in the state a stock Electron ships with, so the test sees what the config changed.
  const stock = '10110001';
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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(join(dir, name)).isFile());
}

/** Top-level package names under any node_modules folder of the archive ("@scope/name" for scoped ones). */
function packagesInArchive(): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(entry);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

const readJson = (entry: string) => JSON.parse(asar.extractFile(archive, entry.slice(1)).toString('utf8'));

/** Where Node would find `name` from the package at `fromDir` (an archive path): the nearest node_modules up. */
function resolvePackage(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = posix.dirname(dir)) {
    const candidate = posix.join(dir, 'node_modules', name);
    if (entries.includes(`${candidate}/package.json`)) return candidate;
    if (dir === '/') return null;
  }
}

/** Every runtime dependency reachable from package.json, and the ones the archive lacks. */
function dependencyClosure(): { reached: Set<string>; missing: string[] } {
  const reached = new Set<string>();
  const missing: string[] = [];
  const visit = (dir: string) => {
    const pkg = readJson(`${dir === '/' ? '' : dir}/package.json`) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(pkg.dependencies ?? {})) {
      if (INSTALL_ONLY.has(name)) continue;
      const found = resolvePackage(name, dir);
      if (!found) {
        missing.push(`${name} (needed by ${dir})`);
        continue;
      }
      if (reached.has(found)) continue;
      reached.add(found);
      visit(found);
    }
  };
  visit('/');
  return { reached, missing };
}

beforeAll(() => {
  for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" before this test.`);
  }
  work = mkdtempSync(join(tmpdir(), 'pm-pack-'));
  stubElectron(join(work, 'electron-dist'));
  // Stands in for the Electron-ABI build `npm run dist` prepares (scripts/lib/electron-sqlite.mjs).
  electronSqlite = join(work, 'better_sqlite3.electron.node');
  copyFileSync(join('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'), electronSqlite);
  writeFileSync(electronSqlite, Buffer.concat([readFileSync(electronSqlite), Buffer.from('electron build marker')]));
  nodeSqliteHashBefore = sha256(join('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'));
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--linux',
      'dir',
      `-c.electronDist=${join(work, 'electron-dist')}`,
      `-c.directories.output=${join(work, 'dist')}`,
      '-c.afterPack=./tests/packaging/desktop-entry-hook.mjs',
      '--publish',
      'never',
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', ELECTRON_BUILDER_OFFLINE: 'true', PM_ELECTRON_SQLITE_BINDING: electronSqlite },
      timeout: 240_000,
    },
  );
  if (run.status !== 0) throw new Error(`electron-builder failed:\n${run.stdout}\n${run.stderr}`);
  unpacked = join(work, 'dist', 'linux-unpacked');
  archive = join(unpacked, 'resources', 'app.asar');
  entries = asar.listPackage(archive, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --linux dir', () => {
  it('puts the built main, preload and renderer inside app.asar, and no sources, tests or server code', () => {
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries).toContain('/package.json');
    expect(entries.filter((e) => /^\/(server|tests|renderer|main|common|scripts|build|bench)\//.test(e))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });

  it('ships only the desktop runtime packages: no fastify, nodemailer, pino, kysely, pg, @aws-sdk or node-notifier', () => {
    const packages = packagesInArchive();
    const forbidden = [...packages].filter((name) =>
      FORBIDDEN_PACKAGES.some((bad) => name === bad || name.startsWith(`${bad}/`)),
    );
    expect(forbidden).toEqual([]);
    const asarMiB = statSync(archive).size / 2 ** 20;
    const unpackedDir = join(unpacked, 'resources', 'app.asar.unpacked');
    const unpackedMiB =
      filesUnder(unpackedDir).reduce((sum, f) => sum + statSync(join(unpackedDir, f)).size, 0) / 2 ** 20;
    console.log(
      `app.asar: ${asarMiB.toFixed(1)} MiB, ${packages.size} packages; unpacked: ${unpackedMiB.toFixed(1)} MiB`,
    );
    // Before this wave (5c8a7fe, packed the same way): 15.7 MiB, 176 packages (fastify and 12 @fastify packages,
    // nodemailer, pino, node-notifier), and 30.2 MiB unpacked in 73 files (SQLite's build leftovers, node-notifier's
    // 27 helper programs). Now 7.8 MiB, 104 packages, and 2.6 MiB unpacked in 16 files.
    expect(asarMiB).toBeLessThan(10);
    expect(unpackedMiB).toBeLessThan(5);
  });

  it('ships every package the runtime dependencies need (nothing was filtered out that the app loads)', () => {
    const { reached, missing } = dependencyClosure();
    expect(missing).toEqual([]);
    for (const name of [
      'axios',
      'ws',
      'zod',
      'electron-store',
      'electron-log',
      'electron-updater',
      'better-sqlite3-multiple-ciphers',
    ]) {
      expect(reached).toContain(`/node_modules/${name}`);
    }
  });

  it('loads nothing but Node, Electron and the packages it ships: no server code reaches the built main or preload', () => {
    const bundles = entries.filter((e) => /^\/out\/(main|preload)\/[^/]+\.(m?js|cjs)$/.test(e));
    expect(bundles).toContain('/out/main/index.js');
    const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"'./\s][^"'\s]*)["']/g;
    // The bundler marks code it inlined from a package with a comment naming its file (// node_modules/zod/...).
    const inlinedFrom = /^\s*\/\/(?:#region)?\s*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm;
    const ourFolders = /^\s*\/\/(?:#region)?\s*(\w+)\/\S+\.[cm]?[jt]sx?$/gm;
    const imported = new Set<string>();
    const inlined = new Set<string>();
    const folders = new Set<string>();
    for (const bundle of bundles) {
      const code = asar.extractFile(archive, bundle.slice(1)).toString('utf8');
      for (const match of code.matchAll(specifier)) imported.add(match[1] ?? '');
      for (const match of code.matchAll(inlinedFrom)) inlined.add(match[1] ?? '');
      for (const match of code.matchAll(ourFolders)) folders.add(match[1] ?? '');
    }
    // Our own code in the bundles comes from the desktop folders only (never server/ or renderer/ sources).
    expect([...folders].filter((folder) => !['main', 'common', 'preload', 'node_modules'].includes(folder))).toEqual(
      [],
    );
    const packageOf = (name: string) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/');
    const builtins = new Set(builtinModules);
    const unshipped = [...imported].filter((name) => {
      if (name.startsWith('node:') || builtins.has(name) || name === 'electron') return false;
      return resolvePackage(packageOf(name), '/') === null;
    });
    expect(imported).toContain('better-sqlite3-multiple-ciphers');
    expect(unshipped).toEqual([]);
    // Only runtime dependencies may be inlined (zod, into the sandboxed preload): never a server package.
    const runtime = Object.keys((readJson('/package.json') as { dependencies: Record<string, string> }).dependencies);
    expect([...inlined].filter((name) => !runtime.includes(name))).toEqual([]);
  });

  it('carries no node-notifier helper programs (SnoreToast, terminal-notifier, notifu) anywhere', () => {
    const all = [...entries, ...filesUnder(join(unpacked, 'resources')).map((f) => `/${f}`)];
    expect(all.filter((e) => /snoretoast|terminal-notifier|notifu/i.test(e))).toEqual([]);
  });

  it('puts the Electron build of SQLite into the package, and leaves node_modules’ Node build alone', () => {
    const packaged = join(unpacked, 'resources', 'app.asar.unpacked', SQLITE_IN_PACKAGE);
    expect(sha256(packaged)).toBe(sha256(electronSqlite));
    expect(sha256(join('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'))).toBe(
      nodeSqliteHashBefore,
    );
    // better-sqlite3's C sources and build tooling stay out.
    expect(entries.filter((e) => /better-sqlite3-multiple-ciphers\/(deps|src)\//.test(e))).toEqual([]);
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
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs the Group Policy templates and an example policy.json beside the app', () => {
    const policy = join(unpacked, 'resources', 'policy');
    expect(filesUnder(policy).sort()).toEqual(
      [
        'policy.example.json',
        join('windows', 'PracticeMessenger.admx'),
        join('windows', 'en-US', 'PracticeMessenger.adml'),
      ].sort(),
    );
  });

  it('writes a .desktop entry in the messaging categories that opens practice-messenger:// links, without --no-sandbox', () => {
    const entry = readFileSync(join(unpacked, 'practice-messenger.desktop'), 'utf8');
    expect(entry).toMatch(/^Categories=Network;InstantMessaging;$/m);
    expect(entry).toMatch(/^MimeType=x-scheme-handler\/practice-messenger;$/m);
    expect(entry).toMatch(
      /^Exec=\/opt\/Practice Messenger\/practice-messenger %U$|^Exec="\/opt\/Practice Messenger\/practice-messenger" %U$/m,
    );
    expect(entry).toMatch(/^StartupWMClass=practice-messenger$/m);
    expect(entry).not.toContain('--no-sandbox');
  });
});
