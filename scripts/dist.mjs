#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: builds the app, gets SQLite for Electron's ABI into .electron-native/
// for each target CPU (never rebuilding node_modules in place), then packages with electron-builder.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { electronVersionOf, prepareElectronSqlite } from './lib/electron-sqlite.mjs';
import { runToCompletion } from './lib/processes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const builderArgs = process.argv.slice(2);

/** The CPUs asked for with --x64/--arm64/--ia32/--armv7l, else this machine's. */
function targetArchs(args, hostArch = process.arch) {
  const asked = ['x64', 'arm64', 'ia32', 'armv7l'].filter((arch) => args.includes(`--${arch}`));
  return asked.length > 0 ? asked : [hostArch];
}

async function main() {
  await runToCompletion(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
  });
  const electronVersion = electronVersionOf(root);
  for (const arch of targetArchs(builderArgs)) {
    const sqlite = await prepareElectronSqlite(root, { target: { electronVersion, platform: process.platform, arch } });
    if (!sqlite.ok) throw new Error(sqlite.reason);
  }
  await runToCompletion(process.execPath, [join(root, 'node_modules/electron-builder/cli.js'), ...builderArgs], {
    cwd: root,
  });
}

main().catch((error) => {
  console.error(`npm run dist failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
});
