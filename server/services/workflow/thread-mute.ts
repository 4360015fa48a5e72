// Mute (API.md "Snooze and mute"): a per-user thread state, told to that user's devices; a muted
// thread sends them no email alert, unless the message is urgent.
import type { Priority, ThreadState } from '../../../common/http/index.js';
import { notFound } from '../../errors.js';
import { mutedBy, threadInMailbox, upsertThreadState } from '../../storage/queries/thread-states.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { tell } from './change-fanout.js';

export async function setThreadMuted(
  ctx: WriteContext,
  staffId: string,
  practiceId: string,
  threadId: string,
  muted: boolean,
): Promise<ThreadState> {
  if (!(await threadInMailbox(ctx.db, practiceId, threadId, staffId))) throw notFound();
  await upsertThreadState(ctx.db, { staffId, threadId, practiceId, muted });
  const threadState: ThreadState = { threadId, muted };
  await tell(ctx, [staffId], practiceId, 'threadState', { threadState });
  return threadState;
}

/** Those of `staffIds` an email alert may go to for a message of `threadId`: all, if it is urgent. */
export async function alertable(
  db: Executor,
  threadId: string,
  staffIds: string[],
  priority: Priority,
): Promise<string[]> {
  if (priority === 'urgent') return staffIds;
  const muted = await mutedBy(db, threadId, staffIds);
  return staffIds.filter((id) => !muted.has(id));
}
