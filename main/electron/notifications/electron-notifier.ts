// The engine's Notifier over Electron's Notification. A click shows and focuses the window and
// opens the message (the showMessage event), then tells the engine.
import type { NotificationRequest, Notifier } from '../../core/host-ports.js';

/** The slice of Electron's Notification used here (mocked in tests). */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface ElectronNotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string; silent: boolean }): NotificationLike;
  /** Show and focus the window, then open `target` if there is one. */
  activate(target: NotificationRequest['target']): void;
  log?(message: string): void;
}

export class ElectronNotifier implements Notifier {
  /** Electron drops click handlers of notifications that get garbage-collected, so keep the live ones. */
  private readonly live = new Set<NotificationLike>();

  constructor(private readonly deps: ElectronNotifierDeps) {}

  notify(request: NotificationRequest, onClick: () => void): void {
    if (!this.deps.isSupported()) {
      (this.deps.log ?? console.warn)('Notifications are not supported on this desktop.');
      return;
    }
    const notification = this.deps.create({ title: request.title, body: request.body, silent: false });
    this.live.add(notification);
    const forget = () => this.live.delete(notification);
    notification.on('click', () => {
      forget();
      this.deps.activate(request.target);
      onClick();
    });
    notification.on('close', forget);
    notification.on('failed', forget);
    notification.show();
  }

  get pending(): number {
    return this.live.size;
  }
}
