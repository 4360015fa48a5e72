// The one app window, locked down: sandboxed, context-isolated, no Node, no navigation, no new
// windows, and it hides to the tray on close. Only the preload's desktop API reaches the page.
import { BrowserWindow, screen, shell, type NativeImage } from 'electron';
import { installNavigationGuards } from './security/navigation-guards.js';
import { isOurRendererUrl, type RendererLocation } from './security/renderer-location.js';
import { MIN_SIZE, type WindowStateKeeper } from './window/window-state.js';
import type { CloseToTray } from './window/window-visibility.js';

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  rendererIndexPath: string;
  location: RendererLocation;
  icon: NativeImage;
  windowState: WindowStateKeeper;
  closeToTray: CloseToTray;
  startHidden: boolean;
  devTools: boolean;
  /** After each page load, so a reloaded page learns the lock state. */
  onPageLoaded(): void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const bounds = options.windowState.initialBounds(screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    icon: process.platform === 'darwin' ? undefined : options.icon,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: options.devTools,
    },
  });
  if (bounds.maximized) window.maximize();
  options.windowState.track(window);
  installNavigationGuards(window.webContents, {
    openInBrowser: (url) => shell.openExternal(url),
    isOurPage: (url) => isOurRendererUrl(url, options.location),
  });
  window.on('close', (event) => options.closeToTray.onClose(event, window));
  window.webContents.on('did-finish-load', () => options.onPageLoaded());
  window.once('ready-to-show', () => {
    if (!options.startHidden) window.show();
  });
  const loaded = options.location.devUrl
    ? window.loadURL(options.location.devUrl)
    : window.loadFile(options.rendererIndexPath);
  loaded.catch(() => console.error('The app window could not load its page.'));
  return window;
}
