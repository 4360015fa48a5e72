// The wrong-password limit of the lock screen: after 5 wrong passwords, every attempt (a right one too)
// is refused for 30 s, doubling with each further wrong one up to 15 min. Kept in the engine, so a
// reloaded page or a second window meets the same wait.
import { DesktopCallError } from '../errors.js';
import type { LockClock } from './idle-timer.js';

export const FREE_ATTEMPTS = 5;
export const FIRST_WAIT_MS = 30_000;
export const LONGEST_WAIT_MS = 15 * 60_000;

/** The wait after `failures` wrong passwords in a row (0 below the limit). */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

/** "30 seconds", "1 second", "4 minutes": seconds up to 90, whole minutes (rounded up) past that. */
export function sayWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds <= 90) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

export const tooManyWrongPasswords = (waitMs: number) =>
  new DesktopCallError('too_many_attempts', `Too many wrong passwords. Try again in ${sayWait(waitMs)}.`);

export class UnlockAttempts {
  private failures = 0;
  private blockedUntil = 0;
  /** Attempts are judged one at a time, so parallel calls can't all slip in before the 5th failure counts. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Pick<LockClock, 'now'>) {}

  /**
   * Runs `check` (the password check) unless the wait is on, and counts its answer. A check that throws
   * (the server could not say) counts as no attempt.
   */
  judge(check: () => Promise<boolean>): Promise<boolean> {
    const run = this.tail.then(async () => {
      const waitMs = this.blockedUntil - this.clock.now();
      if (waitMs > 0) throw tooManyWrongPasswords(waitMs);
      const right = await check();
      if (right) this.reset();
      else {
        this.failures++;
        this.blockedUntil = this.clock.now() + waitAfter(this.failures);
      }
      return right;
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** A right password, or the session ended (the next user starts with a clean count). */
  reset(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}
