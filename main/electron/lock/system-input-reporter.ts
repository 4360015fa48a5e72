// Electron's input report for the engine's idle lock: polls the system idle time and tells the
// engine when there was keyboard or mouse input anywhere on the system since the last poll.

export interface IdleClock {
  /** Seconds since the last keyboard or mouse input anywhere on the system (powerMonitor). */
  systemIdleSeconds(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** A few seconds' lateness is fine for a lock measured in minutes, and polling is cheap. */
export const IDLE_POLL_MS = 5_000;

export class SystemInputReporter {
  private handle: unknown = null;

  constructor(
    private readonly clock: IdleClock,
    private readonly onInput: () => void,
  ) {}

  start(): void {
    this.handle ??= this.clock.setInterval(() => this.check(), IDLE_POLL_MS);
  }

  stop(): void {
    if (this.handle !== null) this.clock.clearInterval(this.handle);
    this.handle = null;
  }

  private check(): void {
    if (this.clock.systemIdleSeconds() * 1000 < IDLE_POLL_MS) this.onInput();
  }
}
