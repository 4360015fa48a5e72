// Counts failed sign-ins per email in a sliding window (API.md: more than 5 in 60 s -> 429).
// Kept in memory: a restart forgetting recent failures is acceptable, and no PHI is stored.

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 60_000;
const MAX_TRACKED_EMAILS = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  /** True when this email already has the maximum of recent failures. */
  isLocked(email: string): boolean {
    return this.recent(email).length >= MAX_FAILURES;
  }

  recordFailure(email: string): void {
    const key = email.toLowerCase();
    const list = this.recent(key);
    list.push(this.now());
    this.failures.delete(key); // re-insert: keeps the map ordered from oldest to newest activity
    this.failures.set(key, list);
    if (this.failures.size > MAX_TRACKED_EMAILS) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  recordSuccess(email: string): void {
    this.failures.delete(email.toLowerCase());
  }

  private recent(email: string): number[] {
    const since = this.now() - FAILURE_WINDOW_MS;
    return (this.failures.get(email.toLowerCase()) ?? []).filter((at) => at > since);
  }
}
