// Gets the SQLite driver built for Electron's ABI into .electron-native/ (node_modules keeps Node's build, so
// `npm test` keeps working): the driver's prebuilt binary first (prebuild-install --runtime electron, as it is
// published), else a build with @electron/rebuild (npx), else one line saying what is missing.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { runToCompletion } from './processes.mjs';

const MODULE = 'better-sqlite3-multiple-ciphers';
const BINARY = 'better_sqlite3.node';

/** What a C++ build of the driver needs, per OS (said when both the download and the build failed). */
export const TOOLCHAIN = {
  win32: 'Visual Studio Build Tools with "Desktop development with C++", and Python 3',
  darwin: 'the Xcode Command Line Tools (xcode-select --install)',
  linux: 'a C++ toolchain and Python 3 (Debian/Ubuntu: build-essential python3)',
};

export const electronVersionOf = (root) =>
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** Where the Electron build of the driver lives for one Electron version, OS and CPU. */
export function electronSqlitePath(root, target) {
  return join(root, '.electron-native', `${target.electronVersion}-${target.platform}-${target.arch}`, BINARY);
}

/**
 * Whether `file` (under the driver's package at `moduleSource`) goes into the stage: everything but Node's build
 * output, its `build` folder. Judged relative to the package, with the OS's separators (`paths`: node:path, or
 * path.win32 in tests), so a project inside a folder named build, or a Windows path, is staged all the same.
 */
export function stagedFile(moduleSource, file, paths = path) {
  return paths.relative(moduleSource, file).split(paths.sep)[0] !== 'build';
}

/** A copy of the driver's package to download into or build in, without Node's build output. */
function stageModule(root, stageDir) {
  rmSync(stageDir, { recursive: true, force: true });
  const moduleDir = join(stageDir, 'node_modules', MODULE);
  mkdirSync(moduleDir, { recursive: true });
  const source = join(root, 'node_modules', MODULE);
  cpSync(source, moduleDir, { recursive: true, filter: (file) => stagedFile(source, file) });
  writeFileSync(join(stageDir, 'package.json'), JSON.stringify({ name: 'electron-sqlite-stage', private: true }));
  return moduleDir;
}

/** The real steps: each resolves when the staged module holds build/Release/better_sqlite3.node, else rejects. */
export const defaultSteps = {
  async download({ root, moduleDir, target }) {
    const bin = join(root, 'node_modules/prebuild-install/bin.js');
    const args = ['--runtime', 'electron', '--target', target.electronVersion, '--platform', target.platform];
    await runToCompletion(process.execPath, [bin, ...args, '--arch', target.arch], { cwd: moduleDir, quiet: true });
  },
  async build({ stageDir, target }) {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const args = ['--yes', '@electron/rebuild', '--version', target.electronVersion, '--arch', target.arch];
    await runToCompletion(npx, [...args, '--module-dir', stageDir, '--only', MODULE, '--force'], {
      cwd: stageDir,
      quiet: true,
      shell: process.platform === 'win32',
    });
  },
};

const firstLine = (error) => String(error instanceof Error ? error.message : error).split('\n')[0];

/** Why a download failed, in words: no prebuilt for this target, or no connection. */
export function downloadProblem(error) {
  const text = String(error instanceof Error ? error.message : error);
  if (/404|No prebuilt binaries found/i.test(text)) return 'no prebuilt driver is published for it';
  if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo/i.test(text)) return 'no connection to GitHub';
  return `the download failed (${firstLine(error)})`;
}

/**
 * Resolves { ok: true, path, how } or { ok: false, reason } (one sentence), never throws. `steps` and `log` are
 * injected by tests; `target` defaults to this machine and the installed Electron.
 */
export async function prepareElectronSqlite(root, { target, steps = defaultSteps, log = console.log } = {}) {
  const t = target ?? { electronVersion: electronVersionOf(root), platform: process.platform, arch: process.arch };
  const destination = electronSqlitePath(root, t);
  if (existsSync(destination)) return { ok: true, path: destination, how: 'cached' };
  const stageDir = join(root, '.electron-native', 'stage');
  const moduleDir = stageModule(root, stageDir);
  const built = join(moduleDir, 'build', 'Release', BINARY);
  const keep = (how) => {
    mkdirSync(join(destination, '..'), { recursive: true });
    cpSync(built, destination);
    rmSync(stageDir, { recursive: true, force: true });
    return { ok: true, path: destination, how };
  };
  const name = `Electron ${t.electronVersion} (${t.platform}-${t.arch})`;
  log(`Fetching SQLite for ${name} (first start only) ...`);
  let downloadFailure;
  try {
    await steps.download({ root, stageDir, moduleDir, target: t });
    if (existsSync(built)) return keep('downloaded');
    downloadFailure = 'the download left no module';
  } catch (error) {
    downloadFailure = downloadProblem(error);
  }
  log(`No prebuilt SQLite for ${name} (${downloadFailure}); building it with @electron/rebuild ...`);
  try {
    await steps.build({ root, stageDir, moduleDir, target: t });
    if (existsSync(built)) return keep('built');
  } catch {
    // Said below, in one line with the download's reason.
  }
  rmSync(stageDir, { recursive: true, force: true });
  const toolchain = TOOLCHAIN[t.platform] ?? 'a C++ toolchain';
  return {
    ok: false,
    reason: `SQLite for ${name} is missing: ${downloadFailure}, and building it needs ${toolchain} and network access to npm and electronjs.org`,
  };
}
