// Showing and hiding the window: close hides to the tray when the user wants that (only Quit quits), and a tray
// click, a second launch or a notification click brings it back restored and focused. A window saved maximized is
// maximized when first shown, never at creation: maximize() shows a hidden window (start-hidden at login defeated).

/** The slice of BrowserWindow used here (mocked in tests). */
export interface ShowableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isVisible(): boolean;
  restore(): void;
  show(): void;
  maximize(): void;
  focus(): void;
  hide(): void;
}

/** Remembers whether the window still owes its first show, and whether that show should maximize it. */
export class FirstShow {
  private pending: boolean;

  constructor(private readonly maximized: boolean) {
    this.pending = true;
  }

  /** Shows the window; the first time, maximized if it was saved so. */
  show(window: Pick<ShowableWindow, 'show' | 'maximize'>): void {
    if (this.pending && this.maximized)
      window.maximize(); // maximize() also shows it
    else window.show();
    this.pending = false;
  }
}

export function showAndFocus(window: ShowableWindow | null, firstShow: FirstShow, focusApp?: () => void): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) firstShow.show(window);
  else window.show();
  window.focus();
  focusApp?.(); // macOS: bring the app forward too, not just the window
}

export class CloseToTray {
  private quitting = false;

  /** `keepRunning` reads the "close to tray" preference at each close. */
  constructor(
    private readonly keepRunning: () => boolean = () => true,
    private readonly quitApp: () => void = () => undefined,
  ) {}

  /** Called on before-quit (tray Quit, app menu Quit, OS shutdown): let the window really close. */
  allowClose(): void {
    this.quitting = true;
  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  /** The window's close handler: hide to the tray, or quit the app when the user doesn't keep it in the tray. */
  onClose(event: { preventDefault(): void }, window: Pick<ShowableWindow, 'hide'>): void {
    if (this.quitting) return;
    event.preventDefault();
    if (this.keepRunning()) window.hide();
    else this.quitApp(); // quits through before-quit, so the engine stops cleanly
  }
}

/**
 * Whether closing the window should keep the app in the tray by default: yes where a tray shows (Windows, macOS,
 * Linux desktops with a StatusNotifier host or a classic tray); no on Linux desktops without one (GNOME without
 * the AppIndicator extension), where a hidden window could not be brought back.
 */
export function defaultCloseToTray(platform: NodeJS.Platform, linuxTrayAvailable: () => boolean): boolean {
  return platform !== 'linux' || linuxTrayAvailable();
}
