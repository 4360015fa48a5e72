// Finding Electron's binary (npm install does not download it: package.json's allowScripts keeps its
// postinstall off so installs never fail offline). SQLite for Electron's ABI: electron-sqlite.mjs.
import { existsSync, readFileSync } from 'node:fs';
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

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref()),
  ]);
}
