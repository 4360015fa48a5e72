// The unread count outside the tray, per platform (Mattermost's badge.ts idea): Windows taskbar
// overlay with a spoken description, macOS dock badge, Linux launcher count where the desktop has one.
import { badgeText } from '../../core/badge/badge-text.js';
import { unreadSentence } from './unread-wording.js';

/** The OS calls, injected (mocked in tests). */
export interface PlatformBadgePort<Image> {
  /** Windows: BrowserWindow.setOverlayIcon; null removes it. */
  setOverlayIcon(image: Image | null, description: string): void;
  /** macOS: app.dock.setBadge. */
  setDockBadge(text: string): void;
  /** Linux: app.setBadgeCount; false when the desktop has no launcher count (anything but Unity-style docks). */
  setBadgeCount(count: number): boolean;
  /** The overlay picture for a label ("1".."99", "99+"). */
  overlayImage(label: string): Image;
}

export class PlatformBadge<Image> {
  private launcherCountWorks = true;

  constructor(
    private readonly platform: NodeJS.Platform,
    private readonly port: PlatformBadgePort<Image>,
  ) {}

  show(count: number): void {
    const label = badgeText(count);
    if (this.platform === 'win32') {
      this.port.setOverlayIcon(label ? this.port.overlayImage(label) : null, label ? unreadSentence(count) : '');
    } else if (this.platform === 'darwin') {
      this.port.setDockBadge(label);
    } else if (this.launcherCountWorks) {
      // Once the desktop says it has no launcher count, stop asking; the tray icon still shows it.
      this.launcherCountWorks = this.port.setBadgeCount(Math.max(0, count)) || count === 0;
    }
  }
}
