// Which tray picture suits the panel it sits on: macOS takes a template image (it tints it for light and dark menu
// bars); Windows and Linux get a pale mark on dark taskbars and panels, a teal one on light ones.
import type { TrayIconStyle } from '../icons/draw-icons.js';

export function trayIconStyle(platform: NodeJS.Platform, darkPanel: boolean): TrayIconStyle {
  if (platform === 'darwin') return 'template';
  return darkPanel ? 'onDark' : 'onLight';
}

/** macOS shows the unread count as text beside the template icon (it can't be drawn in one); elsewhere none. */
export function trayTitle(platform: NodeJS.Platform, label: string): string | null {
  return platform === 'darwin' ? label : null;
}
