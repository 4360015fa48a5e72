// Assembles the Electron host around the engine: the window first (the engine's start can take seconds on a large
// cache; the page's first calls wait for it), then the engine with Chromium's network stack and the administrator's
// policy, IPC, tray and badge, notifications, secrets, preferences, the idle lock, updates and deep links.
// Mirrors main/web/cli.ts; Electron calls live in adapters, decisions in small tested classes.
import { app, dialog, ipcMain, powerMonitor, safeStorage, session, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import {
  buildDeepLink,
  eventChannel,
  type DeepLink,
  type DesktopEventPayload,
  type ManagedPolicy,
  type Preferences,
} from '../../common/desktop/index.js';
import { readAppInfo } from '../core/app-info.js';
import { createEngine } from '../core/engine.js';
import type { Engine } from '../core/host-ports.js';
import { activityLog } from '../core/logging/activity-log.js';
import { removeUndecryptableAccounts } from '../core/session/account-storage.js';
import { isComposing } from '../core/update/compose-check.js';
import { updateFeedUrl } from '../core/update/update-policy.js';
import type { ElectronHostConfig } from './app-config.js';
import { DeepLinkOpener } from './deep-links/deep-link-opener.js';
import { installAppMenu, servePage } from './host-page.js';
import { registerDesktopIpc } from './ipc/desktop-ipc.js';
import { handlersAfter } from './ipc/engine-gate.js';
import { RendererEventRouter } from './ipc/renderer-event-router.js';
import { LockController } from './lock/lock-controller.js';
import { watchForLockTriggers } from './lock/lock-triggers.js';
import { createMainWindow } from './main-window.js';
import { chromiumTransport } from './network/chromium-transport.js';
import { ElectronNotifier } from './notifications/electron-notifier.js';
import { loginItemPort, notificationDeps } from './os-adapters.js';
import { StoredPreferenceStore } from './preferences/stored-preference-store.js';
import { showKeyringNotice } from './secrets/keyring-notice.js';
import { chooseSecretStore } from './secrets/secret-storage-choice.js';
import { createSenderCheck } from './security/renderer-location.js';
import { registerTestHooks } from './test-hooks.js';
import { createUnreadDisplay } from './unread-display.js';
import { startAppUpdates } from './updates/app-updates.js';
import { applyStartAtLogin } from './window/start-at-login.js';
import { CloseToTray, defaultCloseToTray, showAndFocus } from './window/window-visibility.js';
import { WindowStateKeeper, type SavedWindowState } from './window/window-state.js';

export const APP_ID = 'practice-messenger';

export interface HostPaths {
  preload: string;
  /** out/renderer: served as pm-app://renderer/. */
  rendererDir: string;
}

/** What index.ts learned before the app was ready. */
export interface HostLaunch {
  startHidden: boolean;
  policy: ManagedPolicy;
  /** Linux: this desktop shows a tray (close-to-tray's default). */
  trayAvailable: boolean;
  logsFolder: string;
}

export interface RunningDesktopHost {
  showWindow(): void;
  openDeepLink(link: DeepLink): void;
  stop(): Promise<void>;
}

const log = (line: string) => console.info(line);

/** Call after app 'ready'. */
export async function startDesktopHost(
  config: ElectronHostConfig,
  paths: HostPaths,
  launch: HostLaunch,
): Promise<RunningDesktopHost> {
  const appInfo = { ...readAppInfo(join(app.getAppPath(), 'package.json')), host: 'electron' as const };
  const location = servePage(paths.rendererDir, config.rendererDevUrl);
  installAppMenu(launch.logsFolder, appInfo.name, appInfo.version);

  const preferences = new StoredPreferenceStore(new Store<{ preferences?: Preferences }>({ name: 'preferences' }), {
    closeToTray: defaultCloseToTray(process.platform, () => launch.trayAvailable),
  });
  let prefs: Partial<Preferences> = preferences.load();
  let window: BrowserWindow | null = null;
  const currentWindow = () => (window && !window.isDestroyed() ? window : null);
  let showWindow = () => undefined as void;
  const router = new RendererEventRouter((event, payload) =>
    currentWindow()?.webContents.send(eventChannel(event), payload),
  );
  const display = createUnreadDisplay(appInfo.name, currentWindow, () => showWindow());

  // The window and IPC come first; every call waits for the engine below.
  let engineStarted: (engine: Engine) => void = () => undefined;
  let engineFailed: (error: unknown) => void = () => undefined;
  const engineReady = new Promise<Engine>((resolve, reject) => {
    engineStarted = resolve;
    engineFailed = reject;
  });
  const handlers = handlersAfter(engineReady.then((engine) => engine.handlers));
  let started: Engine | null = null;
  // The engine decides the lock (main/core/lock); until it runs nothing is unlocked that could show content.
  const engineLock = {
    get locked() {
      return started?.locked ?? false;
    },
    lockNow: () => started?.lockNow(),
  };
  const lock = new LockController(engineLock, router);
  const closeToTray = new CloseToTray(
    () => prefs.closeToTray ?? true,
    () => app.quit(),
  );
  app.on('before-quit', () => closeToTray.allowClose());
  const main = createMainWindow({
    title: appInfo.name,
    preloadPath: paths.preload,
    location,
    icon: display.icons.app(),
    windowState: new WindowStateKeeper(new Store<{ windowState?: SavedWindowState }>({ name: 'window-state' })),
    closeToTray,
    startHidden: launch.startHidden,
    devTools: !app.isPackaged,
    onPageLoaded: () => lock.announce(),
  });
  window = main.window;
  showWindow = () => showAndFocus(currentWindow(), main.firstShow, () => app.focus({ steal: true }));
  main.window.on('show', () => display.indicators.refresh());
  main.window.on('session-end', () => app.quit()); // Windows log-off/shutdown: quit (bounded) instead of hiding
  const unregisterIpc = registerDesktopIpc({
    ipcMain,
    handlers,
    isTrustedSender: createSenderCheck(location, () => currentWindow()?.webContents.id ?? null),
    gate: lock,
  });

  const secrets = chooseSecretStore(
    process.platform,
    safeStorage,
    new Store<{ secrets?: Record<string, string> }>({ name: 'secrets' }),
  );
  if (!secrets.verdict.persistent) {
    const removed = removeUndecryptableAccounts(app.getPath('userData'));
    log(`secrets: not kept on this computer; removed ${removed} account folder(s) no run can decrypt`);
    if (!config.e2e) showKeyringNotice(secrets.verdict.reason, new Store({ name: 'notices' }), currentWindow);
  }
  let signedInServer: string | null = null;
  // A click shows the window here; the engine then opens the message (its showMessage event, the one path).
  const notifier = new ElectronNotifier(
    notificationDeps(
      () => showWindow(),
      (target) => (signedInServer ? buildDeepLink({ server: signedInServer, messageId: target.messageId }) : null),
    ),
  );
  const engine = createEngine({
    dataDir: app.getPath('userData'),
    appInfo,
    defaultServerUrl: launch.policy.serverUrl ?? config.practiceServerUrl,
    secrets: secrets.store,
    preferences,
    notifier,
    policy: launch.policy,
    transport: chromiumTransport(session.defaultSession),
  });
  const updates = startAppUpdates({
    policy: launch.policy,
    productName: appInfo.name,
    feedUrl: () => (signedInServer ? updateFeedUrl(signedInServer) : null),
    isComposing: () => isComposing(engine.handlers),
    window: currentWindow,
    log,
  });
  const followSession = async () => {
    const server = (await engine.handlers.getSession({}).catch(() => null))?.serverUrl ?? null;
    if (server && server !== signedInServer) updates?.signedIn();
    signedInServer = server;
  };
  const recordActivity = activityLog(log);
  const unsubscribe = engine.subscribe((event, payload) => {
    if (event === 'unreadCount') display.indicators.update(payload as DesktopEventPayload<'unreadCount'>);
    if (event === 'syncStatus') void followSession();
    recordActivity(event, payload);
    router.deliver(event, payload);
  });
  try {
    // Restore the saved session before the page's first call is answered, so it never flashes the sign-in form.
    await engine.start();
  } catch (error) {
    engineFailed(error);
    throw error;
  }
  started = engine;
  engineStarted(engine);
  await followSession();
  const counts = await engine.handlers.getUnreadCounts({}).catch(() => null); // signed out: stays 0
  if (counts) display.indicators.update(counts);

  const inputs = watchForLockTriggers(lock, main.window.webContents, () => engine.reportActivity());
  powerMonitor.on('resume', () => engine.reconnectNow()); // a wake-up usually means a new network
  let startAtLogin: boolean | null = null;
  const applyPreferences = (next: Preferences) => {
    prefs = next;
    if (config.e2e || next.startAtLogin === startAtLogin) return; // tests must not register login items
    startAtLogin = next.startAtLogin;
    applyStartAtLogin(loginItemPort(APP_ID), appInfo.name, next.startAtLogin);
  };
  preferences.onSaved(applyPreferences);
  applyPreferences(await engine.handlers.getPreferences({}));

  const deepLinks = new DeepLinkOpener({
    getSession: () => engine.handlers.getSession({}),
    getThread: (messageId) => engine.handlers.getThread({ messageId }),
    showWindow,
    showMessage: (target) => router.deliver('showMessage', target),
    tell: (message) => void dialog.showMessageBox({ type: 'info', title: appInfo.name, message, buttons: ['OK'] }),
    log,
  });
  deepLinks.engineReady();

  if (config.e2e) {
    registerTestHooks({
      trayTooltip: () => display.tray.tooltip,
      unreadCount: () => display.indicators.count,
      isLocked: () => lock.locked,
      lockNow: async () => lock.lock(),
      secretsPersistent: () => secrets.verdict.persistent,
      openDeepLink: (url) => deepLinks.openUrl(url),
    });
  }

  return {
    showWindow,
    openDeepLink: (link) => void deepLinks.open(link),
    async stop() {
      inputs.stop();
      updates?.stop();
      unsubscribe();
      unregisterIpc();
      display.tray.destroy();
      await engine.stop();
    },
  };
}
