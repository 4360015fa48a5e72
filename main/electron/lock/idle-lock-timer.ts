// Polls the system idle time and fires once when it passes the configured minutes; fires again
// only after the user has been active. 0 minutes turns the idle lock off.

export interface IdleClock {
  /** Seconds since the last keyboard or mouse input anywhere on the system (powerMonitor). */
  systemIdleSeconds(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** A few seconds' lateness is fine for a lock measured in minutes, and polling is cheap. */
export const IDLE_POLL_MS = 5_000;

export class IdleLockTimer {
  private minutes = 0;
  private handle: unknown = null;
  private firedThisIdle = false;

  constructor(
    private readonly clock: IdleClock,
    private readonly onIdle: () => void,
  ) {}

  setMinutes(minutes: number): void {
    this.minutes = Math.max(0, minutes);
    if (this.minutes === 0) {
      this.stop();
      return;
    }
    this.handle ??= this.clock.setInterval(() => this.check(), IDLE_POLL_MS);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
    this.firedThisIdle = false;
  }

  private check(): void {
    const idle = this.clock.systemIdleSeconds() >= this.minutes * 60;
    if (!idle) {
      this.firedThisIdle = false;
      return;
    }
    if (this.firedThisIdle) return;
    this.firedThisIdle = true;
    this.onIdle();
  }
}
