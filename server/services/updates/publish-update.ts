// `npm run server -- publish-update <folder>`: copies a verified release into the server's updates folder, where
// GET /updates/ serves it to the desktop apps. Installers first, channel files last, each through a temporary name,
// so a client never sees a latest*.yml whose installer is missing or half copied. Older installers stay (their
// .blockmap files let clients download only what changed).
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from '../../storage/private-files.js';
import { checkRelease, type CheckedRelease } from './update-release.js';

/** Where published updates live: UPDATES_DIR (a folder shared by every server instance), else DATA_DIR/updates. */
export function updatesFolder(dataDir: string, updatesDir?: string | null): string {
  return updatesDir || join(dataDir, 'updates');
}

/** Creates the updates folder (0700, like the rest of the data folder) when missing; a shared UPDATES_DIR is left as set up. */
export function ensureUpdatesFolder(folder: string): void {
  if (!existsSync(folder)) privateDir(folder);
}

function copyInto(folder: string, source: string, name: string): void {
  const temporary = join(folder, `.${name}.part`);
  try {
    copyFileSync(join(source, name), temporary);
    chmodSync(temporary, PRIVATE_FILE_MODE);
    renameSync(temporary, join(folder, name));
  } finally {
    rmSync(temporary, { force: true });
  }
}

export async function publishUpdate(source: string, destination: string): Promise<CheckedRelease> {
  const release = await checkRelease(source);
  if (!existsSync(destination)) privateDir(destination);
  for (const name of release.payloadFiles) copyInto(destination, source, name);
  for (const name of release.channelFiles) copyInto(destination, source, name);
  return release;
}
