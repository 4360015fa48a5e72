// The engine's Notifier over Electron's Notification. A click shows and focuses the window and opens the message
// (the showMessage event), then tells the engine. On Windows the toast carries a practice-messenger:// link so a
// click from the Action Center, after the toast timed out, still opens the message (windows-toast.ts).
import type { NotificationRequest, Notifier } from '../../core/host-ports.js';
import { windowsToastXml } from './windows-toast.js';

/** The slice of Electron's Notification used here (mocked in tests). */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface ElectronNotifierDeps {
  platform: NodeJS.Platform;
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean; toastXml?: string }): NotificationLike;
  /** Show and focus the window, then open `target` if there is one. */
  activate(target: NotificationRequest['target']): void;
  /** The link that opens `target` (signed-in server + message id), or null. */
  deepLink(target: NonNullable<NotificationRequest['target']>): string | null;
  log?(message: string): void;
}

/** Windows keeps toasts in the Action Center after they close: keep that many referenced, the newest. */
export const KEPT_AFTER_CLOSE = 20;

export class ElectronNotifier implements Notifier {
  /** Electron drops click handlers of notifications that get garbage-collected, so keep the live ones. */
  private readonly live = new Set<NotificationLike>();

  constructor(private readonly deps: ElectronNotifierDeps) {}

  notify(request: NotificationRequest, onClick: () => void): void {
    if (!this.deps.isSupported()) {
      (this.deps.log ?? console.warn)('notify: not supported on this desktop');
      return;
    }
    const windows = this.deps.platform === 'win32';
    const link = request.target ? this.deps.deepLink(request.target) : null;
    const notification = this.deps.create({
      title: request.title,
      body: request.body,
      silent: false,
      ...(windows ? { toastXml: windowsToastXml(request.title, request.body, link) } : {}),
    });
    this.keep(notification);
    const forget = () => this.live.delete(notification);
    notification.on('click', () => {
      forget();
      this.deps.activate(request.target);
      onClick();
    });
    // A closed toast on Windows waits in the Action Center, still clickable: keep it (within KEPT_AFTER_CLOSE).
    if (!windows) notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
  }

  get pending(): number {
    return this.live.size;
  }

  private keep(notification: NotificationLike): void {
    this.live.add(notification);
    for (const oldest of this.live) {
      if (this.live.size <= KEPT_AFTER_CLOSE) break;
      this.live.delete(oldest);
    }
  }
}
