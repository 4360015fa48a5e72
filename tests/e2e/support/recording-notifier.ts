// A Notifier that records what the engine raised, so end-to-end tests can see notifications without an OS daemon.
import type { NotificationRequest, Notifier } from '../../../main/core/host-ports.js';

export class RecordingNotifier implements Notifier {
  readonly raised: NotificationRequest[] = [];
  private readonly clicks: Array<() => void> = [];

  notify(request: NotificationRequest, onClick: () => void): void {
    this.raised.push(request);
    this.clicks.push(onClick);
  }

  /** Simulates the user clicking the notification at `index`. */
  click(index: number): void {
    this.clicks[index]?.();
  }
}
