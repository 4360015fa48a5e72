// Test-only afterPack hook (tests/packaging/electron-builder-pack.test.ts passes it with -c.afterPack): runs the real
// hook (build/after-pack.mjs), then writes the Linux .desktop entry electron-builder would put into the deb, rpm and
// AppImage, which a `--linux dir` build never writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import afterPack from '../../build/after-pack.mjs';

export default async function afterPackForTest(context) {
  await afterPack(context);
  const helper = new LinuxTargetHelper(context.packager);
  const entry = await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions);
  writeFileSync(join(context.appOutDir, 'practice-messenger.desktop'), entry);
}
