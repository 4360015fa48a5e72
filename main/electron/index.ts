// Electron main-process entry. Before the app is ready: the log file and crash dumps, the administrator's policy,
// the sandbox for every renderer, our pm-app:// scheme's privileges, Linux's keyring choice, one instance, and the
// practice-messenger:// links (first launch, second launch, macOS open-url). Then the host starts; quitting gives
// the engine a bounded time to stop (app-quit.ts). The work happens in desktop-host.ts and the modules it uses.
import { app, dialog, powerMonitor, protocol } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEEP_LINK_SCHEME, type DeepLink } from '../../common/desktop/index.js';
import { deepLinkInArgs, parseDeepLink } from '../core/deep-link/deep-link.js';
import { readMachinePolicy } from '../core/policy/machine-policy.js';
import { readElectronHostConfig } from './app-config.js';
import { QuitCoordinator, type PreventableEvent } from './app-quit.js';
import { startDesktopHost, type RunningDesktopHost } from './desktop-host.js';
import { startAppLog } from './logging/app-log.js';
import { linuxTrayAvailable, passwordStoreSwitch } from './platform/linux-desktop.js';
import { sessionBusNames } from './platform/session-bus.js';
import { APP_SCHEME_PRIVILEGES } from './security/app-protocol.js';
import { startedHidden } from './window/start-at-login.js';

const here = dirname(fileURLToPath(import.meta.url));
const paths = { preload: join(here, '../preload/index.cjs'), rendererDir: join(here, '../renderer') };

const config = readElectronHostConfig(process.env, app.isPackaged);
if (config.userDataDir) app.setPath('userData', config.userDataDir);
const logsFolder = startAppLog();
const policy = readMachinePolicy(process.platform, process.env, (line) => console.warn(line));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
let trayAvailable = true;
if (process.platform === 'linux') {
  const busNames = sessionBusNames();
  const store = passwordStoreSwitch(process.env, process.argv, busNames);
  if (store) app.commandLine.appendSwitch('password-store', store);
  trayAvailable = linuxTrayAvailable(process.env, busNames);
}
if (process.platform === 'win32') app.setAppUserModelId('com.practicemessenger.desktop');

let host: RunningDesktopHost | null = null;
/** A link that arrived before the host was up (the first launch's own, or macOS open-url during startup). */
let pendingLink: DeepLink | null = deepLinkInArgs(process.argv);
const openLink = (link: DeepLink | null) => {
  if (!link) return;
  if (host) host.openDeepLink(link);
  else pendingLink = link;
};

const quit = new QuitCoordinator({
  stop: () => host?.stop() ?? Promise.resolve(),
  quit: () => app.quit(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  log: (line) => console.warn(line),
});

if (!app.requestSingleInstanceLock()) {
  // Another copy is running (with this profile): it gets 'second-instance', shows itself and opens any link.
  app.quit();
} else {
  // Installed builds own the scheme (the installers register it too); a development run never takes it over.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('second-instance', (_event, argv) => {
    host?.showWindow();
    openLink(deepLinkInArgs(argv));
  });
  app.on('open-url', (event, url) => {
    event.preventDefault(); // macOS
    openLink(parseDeepLink(url));
  });
  app.on('activate', () => host?.showWindow()); // macOS dock click
  // The window hides to the tray instead of closing (or the app quits): stay alive until then.
  app.on('window-all-closed', () => undefined);
  app.on('will-quit', (event) => quit.onWillQuit(event));
  app
    .whenReady()
    .then(async () => {
      // Electron passes a preventable event (its docs say so; its typings don't).
      powerMonitor.on('shutdown', (...args: unknown[]) => quit.onShutdown(args[0] as PreventableEvent | undefined));
      const mac = process.platform === 'darwin' ? app.getLoginItemSettings() : null;
      host = await startDesktopHost(config, paths, {
        startHidden: startedHidden(process.argv, mac) && pendingLink === null,
        policy,
        trayAvailable,
        logsFolder,
      });
      openLink(pendingLink);
      pendingLink = null;
    })
    .catch((error: unknown) => {
      console.error(`app: could not start (${error instanceof Error ? error.name : 'unknown'})`);
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox('Practice Messenger could not start', reason);
      app.exit(1);
    });
}
