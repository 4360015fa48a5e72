// Limits failed sign-ins per key (an email, or a client address) in a sliding window. An attempt is
// reserved BEFORE the slow password check and settled after it, so parallel requests cannot all
// slip past the count while their hashes run. In memory here; a shared store can implement the same.

/** How a reserved attempt ended: a checked password (right or wrong), or never checked at all. */
export type AttemptOutcome = 'succeeded' | 'failed' | 'unchecked';

export interface AttemptLimiter {
  /** Takes one attempt for `key`; false when failures plus attempts in flight reach the limit. */
  reserve(key: string): Promise<boolean>;
  /** Ends a reservation: a failure counts in the window; 'unchecked' only frees the slot. */
  settle(key: string, outcome: AttemptOutcome): Promise<void>;
}

export interface AttemptLimit {
  maxFailures: number;
  windowMs: number;
  /** A success clears the key's failures (right for an email; not for an address many people share). */
  successClears: boolean;
}

/** API.md: more than 5 failed attempts for one email within 60 s -> 429. */
export const PER_EMAIL_LIMIT: AttemptLimit = { maxFailures: 5, windowMs: 60_000, successClears: true };
/** An office behind one address has room for every typo; a script trying emails does not. */
export const PER_ADDRESS_LIMIT: AttemptLimit = { maxFailures: 30, windowMs: 60_000, successClears: false };

const MAX_TRACKED_KEYS = 10_000;

interface Entry {
  failures: number[];
  inFlight: number;
}

export class MemoryAttemptLimiter implements AttemptLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limit: AttemptLimit,
    private readonly now: () => number,
  ) {}

  reserve(key: string): Promise<boolean> {
    const entry = this.entry(key);
    const since = this.now() - this.limit.windowMs;
    entry.failures = entry.failures.filter((at) => at > since);
    if (entry.failures.length + entry.inFlight >= this.limit.maxFailures) return Promise.resolve(false);
    entry.inFlight += 1;
    return Promise.resolve(true);
  }

  settle(key: string, outcome: AttemptOutcome): Promise<void> {
    const entry = this.entry(key);
    entry.inFlight = Math.max(0, entry.inFlight - 1);
    if (outcome === 'failed') entry.failures.push(this.now());
    if (outcome === 'succeeded' && this.limit.successClears) entry.failures = [];
    if (entry.failures.length === 0 && entry.inFlight === 0) this.entries.delete(key);
    return Promise.resolve();
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // re-insert: keeps the map ordered from oldest to newest activity
    } else {
      entry = { failures: [], inFlight: 0 };
      if (this.entries.size >= MAX_TRACKED_KEYS) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    this.entries.set(key, entry);
    return entry;
  }
}
