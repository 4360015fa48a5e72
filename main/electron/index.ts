// Electron main-process entry: sandbox everything, keep one instance, start the host when ready,
// and stop the engine cleanly on quit. The work happens in desktop-host.ts and the modules it uses.
import { app, dialog } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readElectronHostConfig } from './app-config.js';
import { startDesktopHost, type RunningDesktopHost } from './desktop-host.js';
import { startedHidden } from './window/start-at-login.js';

const here = dirname(fileURLToPath(import.meta.url));
const paths = { preload: join(here, '../preload/index.cjs'), rendererIndex: join(here, '../renderer/index.html') };

const config = readElectronHostConfig(process.env, app.isPackaged);
if (config.userDataDir) app.setPath('userData', config.userDataDir);
app.enableSandbox();
if (process.platform === 'win32') app.setAppUserModelId('com.practicemessenger.desktop');

let host: RunningDesktopHost | null = null;
let stopping = false;

if (!app.requestSingleInstanceLock()) {
  // Another copy is running (with this profile): it gets 'second-instance' and shows itself.
  app.quit();
} else {
  app.on('second-instance', () => host?.showWindow());
  app.on('activate', () => host?.showWindow()); // macOS dock click
  // The window hides to the tray instead of closing, so this fires only while quitting: stay alive until then.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', (event) => {
    if (stopping || !host) return;
    event.preventDefault();
    stopping = true;
    host.stop().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(async () => {
      // Only macOS reports "opened as hidden"; elsewhere our login item passes START_HIDDEN_ARG.
      const macHidden = process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAsHidden;
      const hidden = startedHidden(process.argv, macHidden);
      host = await startDesktopHost(config, paths, hidden);
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Practice Messenger could not start', reason);
      app.exit(1);
    });
}
