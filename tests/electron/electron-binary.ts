// Finds the Electron binary the way node_modules/electron/index.js does, without requiring that
// module (it throws when the binary download failed), so the suite can skip with the reason instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

export type ElectronBinary = { path: string; skipReason: null } | { path: null; skipReason: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, skipReason: 'The electron npm package is not installed.' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return {
      path: null,
      skipReason:
        'No Electron binary on this machine: node_modules/electron/path.txt is missing because the binary download ' +
        '(from GitHub) failed or was skipped. Install it (or set ELECTRON_OVERRIDE_DIST_PATH) to run this suite.',
    };
  }
  const binary = override ? join(override, relative ?? 'electron') : join(packageDir, 'dist', relative ?? '');
  if (!existsSync(binary)) {
    return {
      path: null,
      skipReason: `The Electron binary named by node_modules/electron/path.txt is missing: ${binary}.`,
    };
  }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      path: null,
      skipReason: 'Electron is installed but there is no display (run under xvfb-run, or set DISPLAY).',
    };
  }
  return { path: binary, skipReason: null };
}
