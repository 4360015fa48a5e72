// Brings snoozed messages back when they are due (services/workflow/snooze.ts does the waking): a
// timer set for the next due snooze, reset whenever a snooze is set through this instance, and never
// longer than a minute, so one set through another instance (or left by a stopped one) wakes too.
import { nextSnoozeDue } from '../../storage/queries/mailbox-times.js';
import type { Executor } from '../../storage/schema.js';
import type { Writes } from '../writes/writes.js';

export const MAX_SNOOZE_CHECK_MS = 60_000;

export class SnoozeWaker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly writes: Writes,
    private readonly db: Executor,
    private readonly now: () => number,
    private readonly maxWaitMs = MAX_SNOOZE_CHECK_MS,
  ) {}

  /** Wakes what is due now, then sleeps until the next snooze is due; resolves once this pass is done. */
  run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.pass()
      .catch(() => undefined) // a failed pass (database gone for a moment) is tried again by the timer
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.run();
        } else void this.schedule();
      });
    return this.running;
  }

  /** A snooze was set through this instance: it may be due before the timer. */
  snoozeSet(): void {
    if (!this.running) void this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async pass(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (!(await this.writes.run('wakeDueSnoozes', undefined))) return;
    }
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const due = await nextSnoozeDue(this.db).catch(() => null);
    if (this.stopped || this.running) return;
    const wait = due === null ? this.maxWaitMs : Math.min(this.maxWaitMs, Math.max(0, due - this.now()));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref();
  }
}
