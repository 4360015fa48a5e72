// The email alert queue. Instances claim due alerts with FOR UPDATE SKIP LOCKED (PostgreSQL) and
// a lease: a claimed alert's next_attempt_at moves past the lease, so no other instance takes it
// while it is being sent, and one whose sender died is taken again once the lease is over.
import { sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import type { Executor } from '../schema.js';

export interface AlertTarget {
  email: string;
  practice_name: string;
}

/** Who among `staffIds` wants an email for a new message in `practiceId` (portal: only if they show portal messages). */
export function alertTargets(
  db: Executor,
  practiceId: string,
  staffIds: string[],
  portal: boolean,
): Promise<AlertTarget[]> {
  if (staffIds.length === 0) return Promise.resolve([]);
  let select = db
    .selectFrom('settings as st')
    .innerJoin('staff as s', 's.id', 'st.staff_id')
    .innerJoin('practices as p', 'p.id', 'st.practice_id')
    .select(['s.email', 'p.name as practice_name'])
    .where('st.staff_id', 'in', staffIds)
    .where('st.practice_id', '=', practiceId)
    .where('st.email_notifications', '=', 1);
  if (portal) select = select.where('st.portal_messages_in_inbox', '=', 1);
  return select.orderBy('s.id').execute();
}

export async function queueAlerts(db: Executor, targets: AlertTarget[], messageId: string, now: number): Promise<void> {
  if (targets.length === 0) return;
  await db
    .insertInto('email_queue')
    .values(
      targets.map((t) => ({
        to_address: t.email,
        practice_name: t.practice_name,
        message_id: messageId,
        state: 'queued' as const,
        attempts: 0,
        next_attempt_at: now,
      })),
    )
    .execute();
}

export async function queuedAlertCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('email_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface ClaimedAlert {
  id: number;
  to_address: string;
  practice_name: string;
  attempts: number;
  message_id: string | null;
}

/** Takes up to `limit` due alerts for this instance until `now + leaseMs`. */
export function claimDueAlerts(db: Executor, now: number, leaseMs: number, limit: number): Promise<ClaimedAlert[]> {
  return db
    .updateTable('email_queue')
    .set({ next_attempt_at: now + leaseMs })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('email_queue')
        .select('id')
        .where('state', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .$if(isPostgres(db), (select) => select.forUpdate().skipLocked()),
    )
    .returning(['id', 'to_address', 'practice_name', 'attempts', 'message_id'])
    .execute();
}

export async function markAlertSent(db: Executor, id: number, now: number): Promise<void> {
  await db
    .updateTable('email_queue')
    .set({ state: 'sent', attempts: sql`attempts + 1`, next_attempt_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markAlertFailed(
  db: Executor,
  id: number,
  a: { attempts: number; givenUp: boolean; nextAttemptAt: number; code: string },
): Promise<void> {
  await db
    .updateTable('email_queue')
    .set({
      state: a.givenUp ? 'failed' : 'queued',
      attempts: a.attempts,
      next_attempt_at: a.nextAttemptAt,
      last_error: a.code,
    })
    .where('id', '=', id)
    .execute();
}

export async function nextAlertDueAt(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('email_queue')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('state', '=', 'queued')
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/** A finished alert's next_attempt_at is when it was last tried. */
export async function deleteFinishedAlerts(db: Executor, before: number): Promise<void> {
  await db
    .deleteFrom('email_queue')
    .where('state', 'in', ['sent', 'failed'])
    .where('next_attempt_at', '<', before)
    .execute();
}
