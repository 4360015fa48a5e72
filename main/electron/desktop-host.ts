// Assembles the Electron host around the engine: window, IPC, tray and badge, notifications,
// secrets, preferences and the idle lock. Mirrors main/web/cli.ts; Electron calls live in adapters.
import { app, ipcMain, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import type { DesktopEventPayload, Preferences } from '../../common/desktop/index.js';
import { readAppInfo } from '../core/app-info.js';
import { createEngine } from '../core/engine.js';
import type { ElectronHostConfig } from './app-config.js';
import { eventChannel } from './ipc/channels.js';
import { registerDesktopIpc } from './ipc/desktop-ipc.js';
import { RendererEventRouter } from './ipc/renderer-event-router.js';
import { LockController } from './lock/lock-controller.js';
import { watchForLockTriggers } from './lock/lock-triggers.js';
import { createMainWindow } from './main-window.js';
import { ElectronNotifier } from './notifications/electron-notifier.js';
import { loginItemPort, notificationDeps } from './os-adapters.js';
import { StoredPreferenceStore } from './preferences/stored-preference-store.js';
import { chooseSecretStore } from './secrets/secret-storage-choice.js';
import { rendererContentSecurityPolicy } from './security/content-security-policy.js';
import { createSenderCheck, rendererLocation } from './security/renderer-location.js';
import { applySessionPolicy } from './security/session-policy.js';
import { registerTestHooks } from './test-hooks.js';
import { createUnreadDisplay } from './unread-display.js';
import { applyStartAtLogin } from './window/start-at-login.js';
import { CloseToTray, showAndFocus } from './window/window-visibility.js';
import { WindowStateKeeper, type SavedWindowState } from './window/window-state.js';

export const APP_ID = 'practice-messenger';

export interface HostPaths {
  preload: string;
  rendererIndex: string;
}

export interface RunningDesktopHost {
  showWindow(): void;
  stop(): Promise<void>;
}

/** Call after app 'ready'. */
export async function startDesktopHost(
  config: ElectronHostConfig,
  paths: HostPaths,
  startHidden: boolean,
): Promise<RunningDesktopHost> {
  const appInfo = { ...readAppInfo(join(app.getAppPath(), 'package.json')), host: 'electron' as const };
  const location = rendererLocation(paths.rendererIndex, config.rendererDevUrl);
  applySessionPolicy(session.defaultSession, rendererContentSecurityPolicy(config.rendererDevUrl));

  let window: BrowserWindow | null = null;
  const currentWindow = () => (window && !window.isDestroyed() ? window : null);
  const showWindow = () => showAndFocus(currentWindow(), () => app.focus({ steal: true }));
  const router = new RendererEventRouter((event, payload) =>
    currentWindow()?.webContents.send(eventChannel(event), payload),
  );
  const display = createUnreadDisplay(appInfo.name, currentWindow, showWindow);

  const preferences = new StoredPreferenceStore(new Store<{ preferences?: Preferences }>({ name: 'preferences' }));
  const secrets = chooseSecretStore(
    process.platform,
    safeStorage,
    new Store<{ secrets?: Record<string, string> }>({ name: 'secrets' }),
  );
  const notifier = new ElectronNotifier(
    notificationDeps((target) => {
      showWindow();
      // While locked, the engine holds its own showMessage for this click and replays it on unlock.
      if (target && !engine.locked) router.deliver('showMessage', target);
    }),
  );
  const engine = createEngine({
    dataDir: app.getPath('userData'),
    appInfo,
    defaultServerUrl: config.practiceServerUrl,
    secrets: secrets.store,
    preferences,
    notifier,
  });
  const unsubscribe = engine.subscribe((event, payload) => {
    if (event === 'unreadCount') display.indicators.update(payload as DesktopEventPayload<'unreadCount'>);
    router.deliver(event, payload);
  });
  // Restore the saved session before the page can ask for it, so it never flashes the sign-in form.
  await engine.start();
  const counts = await engine.handlers.getUnreadCounts({}).catch(() => null); // signed out: stays 0
  if (counts) display.indicators.update(counts);

  const lock = new LockController(engine, router);
  const idle = watchForLockTriggers(lock, () => engine.reportActivity());
  powerMonitor.on('resume', () => engine.reconnectNow()); // a wake-up usually means a new network
  let startAtLogin: boolean | null = null;
  const applyPreferences = (prefs: Preferences) => {
    if (config.e2e || prefs.startAtLogin === startAtLogin) return; // tests must not register login items
    startAtLogin = prefs.startAtLogin;
    applyStartAtLogin(loginItemPort(APP_ID), appInfo.name, prefs.startAtLogin);
  };
  preferences.onSaved(applyPreferences);
  applyPreferences(await engine.handlers.getPreferences({}));

  const closeToTray = new CloseToTray();
  const quitForReal = () => closeToTray.allowClose();
  app.on('before-quit', quitForReal);
  powerMonitor.on('shutdown', () => {
    quitForReal();
    app.quit();
  });
  window = createMainWindow({
    title: appInfo.name,
    preloadPath: paths.preload,
    rendererIndexPath: paths.rendererIndex,
    location,
    icon: display.icons.app(),
    windowState: new WindowStateKeeper(new Store<{ windowState?: SavedWindowState }>({ name: 'window-state' })),
    closeToTray,
    startHidden,
    devTools: !app.isPackaged,
    onPageLoaded: () => lock.announce(),
  });
  window.on('show', () => display.indicators.refresh());
  window.on('session-end', quitForReal); // Windows log-off/shutdown must not be blocked by hide-on-close
  const unregisterIpc = registerDesktopIpc({
    ipcMain,
    handlers: engine.handlers,
    isTrustedSender: createSenderCheck(location, () => currentWindow()?.webContents.id ?? null),
    gate: lock,
  });

  if (config.e2e) {
    registerTestHooks({
      trayTooltip: () => display.tray.tooltip,
      unreadCount: () => display.indicators.count,
      isLocked: () => lock.locked,
      lockNow: async () => lock.lock(),
      secretsPersistent: () => secrets.verdict.persistent,
    });
  }

  return {
    showWindow,
    async stop() {
      idle.stop();
      unsubscribe();
      unregisterIpc();
      display.tray.destroy();
      await engine.stop();
    },
  };
}
