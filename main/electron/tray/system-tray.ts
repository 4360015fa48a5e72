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
  /** macOS: text beside the icon. */
  setTitle(title: string): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface SystemTrayDeps<Image, Menu> {
  appName: string;
  createTray(image: Image): TrayLike<Image, Menu>;
  buildMenu(items: TrayMenuItem[]): Menu;
  /** The tray picture for a label: "" for the plain icon, "1".."99" or "99+" (in the panel's current style). */
  trayImage(label: string): Image;
  /** Text beside the icon for a label (macOS, whose template icon can't carry the count), or null. */
  trayTitle?(label: string): string | null;
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
    const label = badgeText(count);
    const image = this.deps.trayImage(label);
    if (!this.tray) {
      this.tray = this.deps.createTray(image);
      // Windows and Linux open the window on a click; the menu stays on right-click (macOS: menu on click).
      this.tray.on('click', () => this.deps.onOpen());
    } else {
      this.tray.setImage(image);
    }
    const title = this.deps.trayTitle?.(label);
    if (title !== undefined && title !== null) this.tray.setTitle(title);
    this.tray.setToolTip(trayTooltip(this.deps.appName, count));
    this.tray.setContextMenu(this.deps.buildMenu(trayMenuItems(count, this.deps.onOpen, this.deps.onQuit)));
    this.shown = count;
  }

  /** The panel's theme changed: draw the same count in the new style. */
  restyle(): void {
    const count = this.shown;
    if (count === null || !this.tray) return;
    this.shown = null;
    this.render(count);
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
