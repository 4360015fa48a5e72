// Decides when the idle lock engages: `minutes` after the last user input the host reported.
// One timer at a time, re-armed when it fires early (input came meanwhile): no polling.

export interface LockClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: LockClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class IdleTimer {
  private minutes = 0;
  private lastInput: number;
  private handle: unknown = null;
  private armed = false;

  constructor(
    private readonly clock: LockClock,
    private readonly onIdle: () => void,
  ) {
    this.lastInput = clock.now();
  }

  /** 0 turns the idle lock off. */
  setMinutes(minutes: number): void {
    this.minutes = Math.max(0, minutes);
    this.rearm();
  }

  /** The user did something (keyboard, pointer, touch): the count starts again. */
  input(): void {
    this.lastInput = this.clock.now();
    if (!this.handle) this.rearm();
  }

  /** Counting from now (sign-in, unlock). */
  start(): void {
    this.armed = true;
    this.input();
    this.rearm();
  }

  /** Nothing to guard (signed out) or already locked. */
  stop(): void {
    this.armed = false;
    this.clear();
  }

  private rearm(): void {
    this.clear();
    if (!this.armed || this.minutes === 0) return;
    const due = this.lastInput + this.minutes * 60_000 - this.clock.now();
    this.handle = this.clock.setTimeout(() => this.fire(), Math.max(0, due));
  }

  private fire(): void {
    this.handle = null;
    if (this.clock.now() - this.lastInput >= this.minutes * 60_000) {
      this.stop();
      this.onIdle();
    } else this.rearm();
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }
}
