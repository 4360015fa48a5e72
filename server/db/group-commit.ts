// Group commit (in the writer thread): writes that arrive together share one transaction and one
// fsync; each runs in its own savepoint, and callers are answered only after the COMMIT.
import type { Db } from './database.js';
import type { ChangeListener } from '../http/context.js';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private open = false;
  private waiters: Waiter[] = [];
  private grown = new Map<string, number>();
  private alerts = false;

  constructor(
    private readonly db: Db,
    private readonly listener: ChangeListener,
    /** Tests: keep each transaction open this long (0: commit on the next turn of the loop). */
    private readonly delayMs = 0,
  ) {}

  /** Runs `work` inside the shared transaction; resolves with its result once that is committed. */
  run<T>(work: () => T): Promise<T> {
    if (!this.open && this.db.inTransaction) {
      // Someone else's transaction is open (demo seeding): just join it as a savepoint.
      try {
        return Promise.resolve(this.db.transaction(work)());
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    if (!this.open) {
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      if (this.delayMs > 0) setTimeout(() => this.commit(), this.delayMs);
      else setImmediate(() => this.commit());
    }
    let result: T;
    try {
      result = this.db.transaction(work)(); // nested: a savepoint inside the shared transaction
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<T>((resolve, reject) => this.waiters.push({ resolve: () => resolve(result), reject }));
  }

  /** The listener to give services: holds announcements back until the commit they belong to. */
  readonly changes: ChangeListener = {
    feedGrew: (newest) => {
      if (!this.open) return this.listener.feedGrew(newest);
      for (const [staffId, seq] of newest) this.grown.set(staffId, Math.max(seq, this.grown.get(staffId) ?? 0));
    },
    alertsQueued: () => {
      if (!this.open) return this.listener.alertsQueued();
      this.alerts = true;
    },
  };

  private commit(): void {
    if (!this.db.open) return;
    const waiters = this.waiters;
    const grown = this.grown;
    const alerts = this.alerts;
    this.waiters = [];
    this.grown = new Map();
    this.alerts = false;
    this.open = false;
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    for (const waiter of waiters) waiter.resolve();
    if (grown.size > 0) this.listener.feedGrew(grown);
    if (alerts) this.listener.alertsQueued();
  }
}
