// Gathers notifiable messages for a short window so a burst becomes one notification, then
// drops any the user read or archived meanwhile, and raises it through the injected Notifier.
import type { NotificationPrivacy } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import type { Notifier } from '../host-ports.js';
import { composeNotification } from './notification-rules.js';

export interface DispatcherDeps {
  notifier: Notifier;
  privacy(): NotificationPrivacy;
  /** Still unread and in the inbox right now? */
  stillNotifiable(message: Message): boolean;
  onClick(target: { practiceId: string; messageId: string }): void;
  windowMs?: number;
  /** Quiet hours: nothing is shown (the badge still counts). */
  quiet?(): boolean;
}

export class NotificationDispatcher {
  private pending: Message[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: DispatcherDeps) {}

  add(messages: Message[]): void {
    if (messages.length === 0) return;
    this.pending.push(...messages);
    this.timer ??= setTimeout(() => this.flush(), this.deps.windowMs ?? 250);
  }

  /** Raises what is pending now (also called when the window closes). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const messages = this.pending.filter((m) => this.deps.stillNotifiable(m));
    this.pending = [];
    this.show(messages, false);
  }

  /**
   * Raises one urgent message at once, outside the burst window; false when nothing was shown (quiet
   * hours, or it was read meanwhile).
   */
  raiseUrgent(message: Message): boolean {
    return this.deps.stillNotifiable(message) && this.show([message], true);
  }

  private show(messages: Message[], urgent: boolean): boolean {
    if (messages.length === 0 || this.deps.quiet?.()) return false;
    const request = composeNotification(messages, this.deps.privacy(), urgent);
    if (!request) return false;
    const target = request.target;
    try {
      this.deps.notifier.notify(request, () => {
        if (target) this.deps.onClick(target);
      });
    } catch {
      // A notification daemon that is missing or broken must not break sync.
    }
    return true;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
