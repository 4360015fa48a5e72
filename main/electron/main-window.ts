// The one app window, locked down: sandboxed, context-isolated, no Node, no navigation, no new windows, and it
// hides to the tray on close (when the user keeps the app there). Only the preload's desktop API reaches the page,
// which comes from our own scheme (security/app-protocol.ts). Chromium's PDF viewer is on (`plugins`) so an
// attached PDF previews in the window instead of downloading.
import { BrowserWindow, screen, shell, type NativeImage } from 'electron';
import { installNavigationGuards } from './security/navigation-guards.js';
import { isOurRendererUrl, type RendererLocation } from './security/renderer-location.js';
import { MIN_SIZE, type WindowStateKeeper } from './window/window-state.js';
import { FirstShow, type CloseToTray } from './window/window-visibility.js';

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  location: RendererLocation;
  icon: NativeImage;
  windowState: WindowStateKeeper;
  closeToTray: CloseToTray;
  startHidden: boolean;
  devTools: boolean;
  /** After each page load, so a reloaded page learns the lock state. */
  onPageLoaded(): void;
}

export interface MainWindow {
  window: BrowserWindow;
  /** The first show maximizes a window saved maximized (never at creation: that would show it). */
  firstShow: FirstShow;
}

export function createMainWindow(options: MainWindowOptions): MainWindow {
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
      // Chromium's built-in PDF viewer (PDFium, in its own process); there are no other plugins.
      plugins: true,
      devTools: options.devTools,
    },
  });
  const firstShow = new FirstShow(bounds.maximized);
  options.windowState.track(window);
  installNavigationGuards(window.webContents, {
    openInBrowser: (url) => shell.openExternal(url),
    isOurPage: (url) => isOurRendererUrl(url, options.location),
  });
  window.on('close', (event) => options.closeToTray.onClose(event, window));
  window.webContents.on('did-finish-load', () => options.onPageLoaded());
  window.once('ready-to-show', () => {
    if (!options.startHidden) firstShow.show(window);
  });
  window.loadURL(options.location.pageUrl).catch(() => console.error('window: the page could not load'));
  return { window, firstShow };
}
