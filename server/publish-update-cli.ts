// `npm run server -- publish-update <folder>`: publishes the desktop app's update files an electron-builder run
// wrote, for this server to serve at /updates/ (services/updates). One line on success, one line saying what is
// wrong otherwise; nothing is published from a folder that does not verify.
import { defaultDataDir } from './config/data-dir.js';
import { publishUpdate, updatesFolder } from './services/updates/publish-update.js';
import { ReleaseError } from './services/updates/update-release.js';

export async function runPublishUpdate(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [source, ...rest] = args;
  if (!source || rest.length > 0) {
    console.error('Usage: npm run server -- publish-update <folder electron-builder wrote, e.g. dist/>');
    return 2;
  }
  const destination = updatesFolder(env.DATA_DIR || defaultDataDir(process.platform, env), env.UPDATES_DIR);
  try {
    const release = await publishUpdate(source, destination);
    console.log(
      `Published Practice Messenger ${release.version} (${release.channelFiles.join(', ')}; ${release.payloadFiles.length} files) to ${destination}.`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`Nothing was published: ${error.message}`);
    return 1;
  }
}
