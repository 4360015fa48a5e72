// Re-alerts urgent unread messages: every `intervalMs()` until read, at most MAX_URGENT_REALERTS times.
// An alert the OS did not show (quiet hours) does not count, so it comes again once they end.
import { MAX_URGENT_REALERTS } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';

export interface RealerterDeps {
  intervalMs(): number;
  /** Still unread, in the inbox and not snoozed? */
  stillUnread(message: Message): boolean;
  /** Raises the alert; false when it was held back (quiet hours). */
  alert(message: Message): boolean;
  now?(): number;
}

interface Tracked {
  message: Message;
  alerts: number;
  nextAt: number;
}

export class UrgentRealerter {
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: RealerterDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** Starts repeating the alert of an urgent message just raised. */
  track(message: Message): void {
    if (this.tracked.has(message.id)) return;
    this.tracked.set(message.id, { message, alerts: 0, nextAt: this.now() + this.deps.intervalMs() });
    this.schedule();
  }

  /** How many re-alerts a message has had (tests, diagnostics). */
  realerts(messageId: string): number {
    return this.tracked.get(messageId)?.alerts ?? 0;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.tracked.clear();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let next = Infinity;
    for (const t of this.tracked.values()) next = Math.min(next, t.nextAt);
    if (next === Infinity) return;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.now()));
  }

  private fire(): void {
    this.timer = null;
    const now = this.now();
    for (const [id, t] of this.tracked) {
      if (t.nextAt > now) continue;
      if (!this.deps.stillUnread(t.message)) {
        this.tracked.delete(id);
        continue;
      }
      if (this.deps.alert(t.message)) t.alerts++;
      if (t.alerts >= MAX_URGENT_REALERTS) this.tracked.delete(id);
      else t.nextAt = now + this.deps.intervalMs();
    }
    this.schedule();
  }
}
