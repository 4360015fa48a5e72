// The folder published updates are served from: created private like the rest of the data folder
// when missing; a shared UPDATES_DIR that exists is left as it was set up.
import { existsSync } from 'node:fs';
import { privateDir } from '../../storage/private-files.js';

export function ensureUpdatesFolder(folder: string): void {
  if (!existsSync(folder)) privateDir(folder);
}
