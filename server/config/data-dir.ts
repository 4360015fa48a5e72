// Where the server keeps its data when DATA_DIR is not set: the user's data folder per OS.
import { homedir } from 'node:os';
import { join } from 'node:path';

const FOLDER = 'practice-messenger-server';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', FOLDER);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), FOLDER);
}
