// electron-builder afterPack hook: puts the SQLite driver built for Electron's ABI (scripts/dist.mjs prepared it in
// .electron-native/, see scripts/lib/electron-sqlite.mjs) into the package, in place of node_modules' Node build.
// With npmRebuild off, node_modules is never rebuilt in place, so `npm test` still works after `npm run dist`.
import builderUtil from 'builder-util';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const RELATIVE = ['node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'];

export default async function afterPack(context) {
  const { electronPlatformName: platform, appOutDir, packager } = context;
  const arch = builderUtil.Arch[context.arch];
  const version = packager.config.electronVersion ?? packager.info.framework.version;
  const source =
    process.env.PM_ELECTRON_SQLITE_BINDING ||
    join(packager.projectDir, '.electron-native', `${version}-${platform}-${arch}`, 'better_sqlite3.node');
  if (!existsSync(source)) {
    throw new Error(
      `SQLite for Electron ${version} (${platform}-${arch}) is missing at ${source}: build with "npm run dist", which prepares it.`,
    );
  }
  const resources =
    platform === 'darwin'
      ? join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(appOutDir, 'resources');
  copyFileSync(source, join(resources, 'app.asar.unpacked', ...RELATIVE));
}
