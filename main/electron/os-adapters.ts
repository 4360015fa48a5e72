// Thin adapters from Electron's objects to the small injected interfaces the host's logic uses.
// No decisions here: everything that decides is in the classes these feed, and is unit-tested.
import {
  app,
  Menu,
  nativeImage,
  Notification,
  powerMonitor,
  Tray,
  type BrowserWindow,
  type NativeImage,
} from 'electron';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlatformBadgePort } from './badge/platform-badge.js';
import type { PngRepresentation } from './icons/icon-images.js';
import type { IdleClock } from './lock/system-input-reporter.js';
import type { ElectronNotifierDeps } from './notifications/electron-notifier.js';
import type { TrayLike, TrayMenuItem } from './tray/system-tray.js';
import type { LoginItemPort } from './window/start-at-login.js';

export function imageFromPngs(representations: PngRepresentation[]): NativeImage {
  const [first, ...rest] = representations;
  if (!first) return nativeImage.createEmpty();
  const image = nativeImage.createFromBuffer(first.png, { scaleFactor: first.scaleFactor });
  for (const r of rest) image.addRepresentation({ scaleFactor: r.scaleFactor, buffer: r.png });
  return image;
}

/** macOS tints a template image for light and dark menu bars; elsewhere the flag does nothing. */
export function asTemplate(image: NativeImage): NativeImage {
  if (process.platform === 'darwin') image.setTemplateImage(true);
  return image;
}

export function createTray(image: NativeImage): TrayLike<NativeImage, Menu> {
  const tray = new Tray(image);
  return {
    setImage: (next) => tray.setImage(next),
    setToolTip: (text) => tray.setToolTip(text),
    setTitle: (title) => tray.setTitle(title),
    setContextMenu: (menu) => tray.setContextMenu(menu),
    on: (_event, listener) => tray.on('click', () => listener()),
    destroy: () => tray.destroy(),
  };
}

export const buildMenu = (items: TrayMenuItem[]): Menu => Menu.buildFromTemplate(items);

export function platformBadgePort(
  currentWindow: () => BrowserWindow | null,
  overlayImage: (label: string) => NativeImage,
): PlatformBadgePort<NativeImage> {
  return {
    setOverlayIcon: (image, description) => {
      const window = currentWindow();
      if (window && !window.isDestroyed()) window.setOverlayIcon(image, description);
    },
    setDockBadge: (text) => app.dock?.setBadge(text),
    setBadgeCount: (count) => app.setBadgeCount(count),
    overlayImage,
  };
}

export const idleClock: IdleClock = {
  systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export function notificationDeps(
  activate: ElectronNotifierDeps['activate'],
  deepLink: ElectronNotifierDeps['deepLink'],
): ElectronNotifierDeps {
  return {
    platform: process.platform,
    isSupported: () => Notification.isSupported(),
    create: (options) => new Notification(options),
    activate,
    deepLink,
  };
}

export function loginItemPort(appId: string): LoginItemPort {
  const autostartFile = join(app.getPath('appData'), 'autostart', `${appId}.desktop`);
  const launchCommand = process.env.APPIMAGE
    ? [process.env.APPIMAGE]
    : app.isPackaged
      ? [process.execPath]
      : [process.execPath, app.getAppPath()];
  return {
    platform: process.platform,
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
    writeAutostartFile: (contents) => {
      if (contents === null) {
        rmSync(autostartFile, { force: true });
        return;
      }
      mkdirSync(dirname(autostartFile), { recursive: true });
      writeFileSync(autostartFile, contents, { mode: 0o644 });
    },
    launchCommand,
  };
}
