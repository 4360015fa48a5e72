// Sign-in attempts per key (an email or an address) for the limiter all instances share: reserved
// before the password check ('pending'), then kept as a failure or removed.
import { sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import type { Executor } from '../schema.js';

export interface ReserveLimits {
  max: number;
  /** Failures at or after this time count. */
  failedSince: number;
  /** Reservations at or after this time count (older ones belonged to an instance that died). */
  pendingSince: number;
}

/**
 * Inserts a pending attempt unless failures plus pending attempts already reach `max`; true when it did.
 * One statement, under a per-key transaction lock in PostgreSQL so two instances cannot both slip in.
 */
export async function reserveAttempt(db: Executor, key: string, now: number, limits: ReserveLimits): Promise<boolean> {
  const insert = (trx: Executor) =>
    trx
      .insertInto('sign_in_attempts')
      .columns(['key', 'outcome', 'at'])
      .expression(
        trx
          .selectNoFrom((eb) => [eb.val(key).as('key'), eb.val('pending').as('outcome'), eb.val(now).as('at')])
          .where(
            (eb) =>
              eb
                .selectFrom('sign_in_attempts')
                .select((c) => c.fn.countAll().as('n'))
                .where('key', '=', key)
                .where((w) =>
                  w.or([
                    w.and([w('outcome', '=', 'failed'), w('at', '>=', limits.failedSince)]),
                    w.and([w('outcome', '=', 'pending'), w('at', '>=', limits.pendingSince)]),
                  ]),
                ),
            '<',
            limits.max,
          ),
      )
      .returning('id')
      .executeTakeFirst();
  if (!isPostgres(db)) return (await insert(db)) !== undefined;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
    return (await insert(trx)) !== undefined;
  });
}

const onePending = (db: Executor, key: string) =>
  db
    .selectFrom('sign_in_attempts')
    .select('id')
    .where('key', '=', key)
    .where('outcome', '=', 'pending')
    .orderBy('id')
    .limit(1);

export async function recordFailure(db: Executor, key: string, now: number): Promise<void> {
  await db
    .updateTable('sign_in_attempts')
    .set({ outcome: 'failed', at: now })
    .where('id', 'in', onePending(db, key))
    .execute();
}

export async function dropReservation(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('id', 'in', onePending(db, key)).execute();
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('key', '=', key).where('outcome', '=', 'failed').execute();
}

export async function deleteAttemptsBefore(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('at', '<', before).execute();
}
