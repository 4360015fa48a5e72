// Builds the tray and platform badge on Electron's Tray, Menu and nativeImage, behind UnreadIndicators. The tray
// picture follows the panel: a template image on macOS, light or dark variants that follow the system theme elsewhere.
import { app, nativeTheme, type BrowserWindow } from 'electron';
import { PlatformBadge } from './badge/platform-badge.js';
import { UnreadIndicators } from './badge/unread-indicators.js';
import { IconImages } from './icons/icon-images.js';
import * as os from './os-adapters.js';
import { SystemTray } from './tray/system-tray.js';
import { trayIconStyle, trayTitle } from './tray/tray-style.js';

export interface UnreadDisplay {
  indicators: UnreadIndicators;
  tray: SystemTray<Electron.NativeImage, Electron.Menu>;
  icons: IconImages<Electron.NativeImage>;
}

/** Windows' taskbar has its own light/dark setting; Linux panels follow the system theme (as far as we can tell). */
const darkPanel = () =>
  process.platform === 'win32' ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI : nativeTheme.shouldUseDarkColors;

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
    trayImage: (label) => os.asTemplate(icons.tray(label, trayIconStyle(process.platform, darkPanel()))),
    trayTitle: (label) => trayTitle(process.platform, label),
    onOpen: showWindow,
    onQuit: () => app.quit(),
  });
  nativeTheme.on('updated', () => tray.restyle());
  const badge = new PlatformBadge(
    process.platform,
    os.platformBadgePort(currentWindow, (label) => icons.overlay(label)),
  );
  const indicators = new UnreadIndicators(tray, badge);
  indicators.update({ total: 0, byPractice: {} }); // the tray appears at once, before any sync
  return { indicators, tray, icons };
}
