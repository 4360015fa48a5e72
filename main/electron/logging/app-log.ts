// The app's log: a rotating file in the OS's log folder (Windows %APPDATA%\Practice Messenger\logs, macOS
// ~/Library/Logs/Practice Messenger, Linux ~/.config/Practice Messenger/logs) holding what console.* says (ids and
// error codes only: main/core/logging), and crash dumps kept on this computer, never uploaded.
import { app, crashReporter } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';
import { startFileLog } from '../../core/logging/file-log.js';

/** Call first thing in the main process. Returns the logs folder (Help > Open logs folder). */
export function startAppLog(): string {
  const folder = app.getPath('logs');
  startFileLog(log, join(folder, 'main.log'), { echo: !app.isPackaged });
  crashReporter.start({ uploadToServer: false, compress: true });
  console.info(
    `app: ${app.getName()} ${app.getVersion()} on ${process.platform}-${process.arch}, Electron ${process.versions.electron}`,
  );
  return folder;
}
