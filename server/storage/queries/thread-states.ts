// Per-user thread state (mute), and whether a thread is one the user can see at all.
import type { Executor } from '../schema.js';

export async function upsertThreadState(
  db: Executor,
  row: { staffId: string; threadId: string; practiceId: string; muted: boolean },
): Promise<void> {
  const muted = row.muted ? 1 : 0;
  await db
    .insertInto('thread_states')
    .values({ staff_id: row.staffId, thread_id: row.threadId, practice_id: row.practiceId, muted })
    .onConflict((c) => c.columns(['staff_id', 'thread_id']).doUpdateSet({ muted }))
    .execute();
}

/** Those among `staffIds` who muted `threadId`. */
export async function mutedBy(db: Executor, threadId: string, staffIds: string[]): Promise<Set<string>> {
  if (staffIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('thread_states')
    .select('staff_id')
    .where('thread_id', '=', threadId)
    .where('muted', '=', 1)
    .where('staff_id', 'in', staffIds)
    .execute();
  return new Set(rows.map((row) => row.staff_id));
}

/** True when a message of `threadId` in `practiceId` is in `staffId`'s mailbox. */
export async function threadInMailbox(db: Executor, practiceId: string, threadId: string, staffId: string) {
  const row = await db
    .selectFrom('messages as m')
    .innerJoin('mailbox as b', (join) => join.onRef('b.message_seq', '=', 'm.seq').on('b.staff_id', '=', staffId))
    .select('m.seq')
    .where('m.thread_id', '=', threadId)
    .where('m.practice_id', '=', practiceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
