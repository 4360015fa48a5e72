// Showing and hiding the window: close hides to the tray (only Quit quits), and a tray click, a
// second launch or a notification click brings it back restored and focused.

/** The slice of BrowserWindow used here (mocked in tests). */
export interface ShowableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  hide(): void;
}

export function showAndFocus(window: ShowableWindow | null, focusApp?: () => void): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  focusApp?.(); // macOS: bring the app forward too, not just the window
}

export class CloseToTray {
  private quitting = false;

  /** Called on before-quit (tray Quit, app menu Quit, OS shutdown): let the window really close. */
  allowClose(): void {
    this.quitting = true;
  }

  get isQuitting(): boolean {
    return this.quitting;
  }

  /** The window's close handler: hide instead, unless the app is quitting. */
  onClose(event: { preventDefault(): void }, window: Pick<ShowableWindow, 'hide'>): void {
    if (this.quitting) return;
    event.preventDefault();
    window.hide();
  }
}
