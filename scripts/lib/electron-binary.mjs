// Finding Electron's binary (npm install does not download it: package.json's allowScripts keeps its
// postinstall off so installs never fail offline), and building SQLite for Electron's ABI beside Node's.
import { existsSync, readFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runToCompletion } from './processes.mjs';

export function electronBinary(root) {
  const dir = join(root, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Downloads Electron's binary if it is missing; resolves { ok } or { ok: false, reason } without throwing. */
export async function ensureElectronBinary(root) {
  if (electronBinary(root)) return { ok: true };
  if (process.env.PM_NO_ELECTRON_DOWNLOAD) return { ok: false, reason: 'downloads are turned off' };
  console.log('Fetching the Electron binary (first start only) ...');
  try {
    await withTimeout(
      runToCompletion(process.execPath, [join(root, 'node_modules/electron/install.js')], { cwd: root, quiet: true }),
      180_000,
    );
  } catch (error) {
    const text = String(error instanceof Error ? error.message : error);
    const reason = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|timed out/.test(text)
      ? 'no connection to its download site'
      : 'its download failed';
    return { ok: false, reason };
  }
  return electronBinary(root) ? { ok: true } : { ok: false, reason: 'the download left no binary' };
}

/**
 * Builds a copy of the SQLite driver for Electron's ABI in .electron-native/, so `npm test` keeps the Node build.
 * The Electron host loads it through better-sqlite3's `nativeBinding` option (env PM_SQLITE_NATIVE_BINDING).
 */
export async function prepareElectronSqlite(root) {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const target = join(root, '.electron-native', electronVersion, 'better-sqlite3-multiple-ciphers');
  const binding = join(target, 'build/Release/better_sqlite3.node');
  if (existsSync(binding)) return { ok: true, path: binding };
  mkdirSync(target, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3-multiple-ciphers'), target, {
    recursive: true,
    filter: (src) => !src.includes('/build/'),
  });
  console.log(`Building SQLite for Electron ${electronVersion} (first start only) ...`);
  try {
    const nodeGyp = join(root, 'node_modules/node-gyp/bin/node-gyp.js');
    await runToCompletion(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: target, quiet: true },
    );
  } catch {
    return { ok: false, reason: 'node-gyp could not build it' };
  }
  return existsSync(binding) ? { ok: true, path: binding } : { ok: false, reason: 'the build left no module' };
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);
}
