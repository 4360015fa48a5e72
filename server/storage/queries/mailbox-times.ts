// The mailbox's two times: when each viewer first read a message (read receipts, the first-read
// audit event) and until when they snoozed it.
import { isPostgres } from '../dialect.js';
import type { Executor } from '../schema.js';

/** Sets read_at if it was never set; resolves true when this call set it (the first read). */
export async function markFirstRead(db: Executor, staffId: string, messageSeq: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('mailbox')
    .set({ read_at: now })
    .where('staff_id', '=', staffId)
    .where('message_seq', '=', messageSeq)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every staff viewer of a message (everyone with a mailbox row for it). */
export async function messageViewers(db: Executor, messageSeq: number): Promise<string[]> {
  const rows = await db.selectFrom('mailbox').select('staff_id').where('message_seq', '=', messageSeq).execute();
  return rows.map((row) => row.staff_id);
}

/** First-read times of `staffIds` for a message (absent: not a viewer). */
export async function firstReadTimes(
  db: Executor,
  messageSeq: number,
  staffIds: string[],
): Promise<Map<string, number | null>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mailbox')
    .select(['staff_id', 'read_at'])
    .where('message_seq', '=', messageSeq)
    .where('staff_id', 'in', staffIds)
    .execute();
  return new Map(rows.map((row) => [row.staff_id, row.read_at]));
}

export interface DueSnooze {
  staff_id: string;
  message_seq: number;
  snoozed_until: number;
  message_id: string;
  practice_id: string;
  flagged: number;
  archived: number;
}

/** Snoozes due at `now`, oldest first; PostgreSQL skips rows another instance is waking. */
export async function dueSnoozes(db: Executor, now: number, limit: number): Promise<DueSnooze[]> {
  const rows = await db
    .selectFrom('mailbox as b')
    .innerJoin('messages as m', 'm.seq', 'b.message_seq')
    .select([
      'b.staff_id',
      'b.message_seq',
      'b.snoozed_until',
      'm.id as message_id',
      'm.practice_id',
      'b.flagged',
      'b.archived',
    ])
    .where('b.snoozed_until', 'is not', null)
    .where('b.snoozed_until', '<=', now)
    .orderBy('b.snoozed_until')
    .limit(limit)
    .$if(isPostgres(db), (select) => select.forUpdate('b').skipLocked())
    .execute();
  return rows.map((row) => ({ ...row, snoozed_until: Number(row.snoozed_until) }));
}

/** Brings a due snooze back unread, unless it changed meanwhile; resolves true when it did. */
export async function wakeSnooze(db: Executor, s: DueSnooze): Promise<boolean> {
  const result = await db
    .updateTable('mailbox')
    .set({ read: 0, snoozed_until: null })
    .where('staff_id', '=', s.staff_id)
    .where('message_seq', '=', s.message_seq)
    .where('snoozed_until', '=', s.snoozed_until)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** When the next snooze is due (null: none). */
export async function nextSnoozeDue(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('mailbox')
    .select((eb) => eb.fn.min('snoozed_until').as('at'))
    .where('snoozed_until', 'is not', null)
    .executeTakeFirst();
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}
