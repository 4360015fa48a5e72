// Builds the tray and platform badge on Electron's Tray, Menu and nativeImage, behind UnreadIndicators.
import { app, type BrowserWindow } from 'electron';
import { PlatformBadge } from './badge/platform-badge.js';
import { UnreadIndicators } from './badge/unread-indicators.js';
import { IconImages } from './icons/icon-images.js';
import * as os from './os-adapters.js';
import { SystemTray } from './tray/system-tray.js';

export interface UnreadDisplay {
  indicators: UnreadIndicators;
  tray: SystemTray<Electron.NativeImage, Electron.Menu>;
  icons: IconImages<Electron.NativeImage>;
}

export function createUnreadDisplay(
  appName: string,
  currentWindow: () => BrowserWindow | null,
  showWindow: () => void,
): UnreadDisplay {
  const icons = new IconImages(process.platform, os.imageFromPngs);
  const tray = new SystemTray({
    appName,
    createTray: os.createTray,
    buildMenu: os.buildMenu,
    trayImage: (label) => icons.tray(label),
    onOpen: showWindow,
    onQuit: () => app.quit(),
  });
  const badge = new PlatformBadge(
    process.platform,
    os.platformBadgePort(currentWindow, (label) => icons.overlay(label)),
  );
  const indicators = new UnreadIndicators(tray, badge);
  indicators.update({ total: 0, byPractice: {} }); // the tray appears at once, before any sync
  return { indicators, tray, icons };
}
