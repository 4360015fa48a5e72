// The failed-sign-in limiter every instance shares: attempts live in the database (PostgreSQL), so
// a client cannot spread its guesses over several instances. One SQLite process keeps them in memory.
import type { Kysely } from 'kysely';
import {
  clearFailures,
  dropReservation,
  recordFailure,
  reserveAttempt,
} from '../../storage/queries/sign-in-attempts.js';
import type { Dialect } from '../../storage/open-storage.js';
import type { Schema } from '../../storage/schema.js';
import {
  MemoryAttemptLimiter,
  PER_ADDRESS_LIMIT,
  PER_EMAIL_LIMIT,
  type AttemptLimit,
  type AttemptLimiter,
  type AttemptOutcome,
} from './attempt-limiter.js';

/** A reservation older than this belonged to an instance that died before settling it. */
const PENDING_TTL_MS = 60_000;

export class DatabaseAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly db: Kysely<Schema>,
    /** Keys of this limiter are kept apart from other limiters' in the one table. */
    private readonly scope: string,
    private readonly limit: AttemptLimit,
    private readonly now: () => number,
  ) {}

  reserve(key: string): Promise<boolean> {
    const now = this.now();
    return reserveAttempt(this.db, `${this.scope}|${key}`, now, {
      max: this.limit.maxFailures,
      failedSince: now - this.limit.windowMs + 1,
      pendingSince: now - PENDING_TTL_MS,
    });
  }

  async settle(key: string, outcome: AttemptOutcome): Promise<void> {
    const scoped = `${this.scope}|${key}`;
    if (outcome === 'failed') return recordFailure(this.db, scoped, this.now());
    await dropReservation(this.db, scoped);
    if (outcome === 'succeeded' && this.limit.successClears) await clearFailures(this.db, scoped);
  }
}

export function attemptLimiters(
  dialect: Dialect,
  db: Kysely<Schema>,
  now: () => number,
  perAddressLimit: AttemptLimit = PER_ADDRESS_LIMIT,
): { perEmail: AttemptLimiter; perAddress: AttemptLimiter } {
  if (dialect === 'sqlite') {
    return {
      perEmail: new MemoryAttemptLimiter(PER_EMAIL_LIMIT, now),
      perAddress: new MemoryAttemptLimiter(perAddressLimit, now),
    };
  }
  return {
    perEmail: new DatabaseAttemptLimiter(db, 'email', PER_EMAIL_LIMIT, now),
    perAddress: new DatabaseAttemptLimiter(db, 'address', perAddressLimit, now),
  };
}
