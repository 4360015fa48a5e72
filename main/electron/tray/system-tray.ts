// The tray icon (Signal's SystemTrayService idea): count drawn on the icon, tooltip with the
// count, and a menu (Open, the count, Quit). Electron's Tray and Menu are injected.
import { badgeText } from '../../core/badge/badge-text.js';
import { trayTooltip, unreadSentence } from '../badge/unread-wording.js';

export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** The slice of Electron's Tray used here. */
export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(text: string): void;
  setContextMenu(menu: Menu): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface SystemTrayDeps<Image, Menu> {
  appName: string;
  createTray(image: Image): TrayLike<Image, Menu>;
  buildMenu(items: TrayMenuItem[]): Menu;
  /** The tray picture for a label: "" for the plain icon, "1".."99" or "99+". */
  trayImage(label: string): Image;
  onOpen(): void;
  onQuit(): void;
}

export function trayMenuItems(count: number, onOpen: () => void, onQuit: () => void): TrayMenuItem[] {
  return [
    { label: 'Open Practice Messenger', click: onOpen },
    { type: 'separator' },
    { label: unreadSentence(count), enabled: false },
    { type: 'separator' },
    { label: 'Quit', click: onQuit },
  ];
}

export class SystemTray<Image, Menu> {
  private tray: TrayLike<Image, Menu> | null = null;
  private shown: number | null = null;

  constructor(private readonly deps: SystemTrayDeps<Image, Menu>) {}

  /** Creates the tray on first use, then updates picture, tooltip and menu when the count changes. */
  render(count: number): void {
    if (this.shown === count && this.tray) return;
    const image = this.deps.trayImage(badgeText(count));
    if (!this.tray) {
      this.tray = this.deps.createTray(image);
      // Windows and Linux open the window on a click; the menu stays on right-click (macOS: menu on click).
      this.tray.on('click', () => this.deps.onOpen());
    } else {
      this.tray.setImage(image);
    }
    this.tray.setToolTip(trayTooltip(this.deps.appName, count));
    this.tray.setContextMenu(this.deps.buildMenu(trayMenuItems(count, this.deps.onOpen, this.deps.onQuit)));
    this.shown = count;
  }

  get tooltip(): string | null {
    return this.shown === null ? null : trayTooltip(this.deps.appName, this.shown);
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = null;
    this.shown = null;
  }
}
