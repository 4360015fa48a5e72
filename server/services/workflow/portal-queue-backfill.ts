// Portal threads written before the queue existed get their queue row from their messages: open,
// unowned, waiting since the patient's first message after the last staff reply. At start for all
// of them (each told to the practice's staff), and on the spot for one a request touches first.
import type { Message } from '../../../common/http/index.js';
import {
  insertPortalThread,
  portalThreadsWithoutRow,
  threadMessageJson,
} from '../../storage/queries/portal-threads.js';
import type { WriteContext } from '../write-context.js';
import { announcePortalThread } from './portal-thread-view.js';

/** Writes the row of portal thread `threadId` of `practiceId` if it is one; resolves false if not. */
export async function rebuildPortalThreadRow(
  ctx: WriteContext,
  practiceId: string,
  threadId: string,
): Promise<boolean> {
  const messages = (await threadMessageJson(ctx.db, threadId)).map((json) => JSON.parse(json) as Message);
  const root = messages.find((m) => m.id === threadId);
  if (!root || root.practiceId !== practiceId || root.sender.kind !== 'patient') return false;
  let waitingSince: number | null = null;
  for (const message of messages) {
    if (message.sender.kind === 'staff') waitingSince = null;
    else waitingSince ??= Date.parse(message.sentAt);
  }
  await insertPortalThread(ctx.db, {
    thread_id: threadId,
    practice_id: practiceId,
    patient_id: root.sender.id,
    subject: root.subject,
    status: 'open',
    owner_id: null,
    last_message_at: Math.max(...messages.map((m) => Date.parse(m.sentAt))),
    waiting_since: waitingSince,
  });
  return true;
}

/** Gives every portal thread without a queue row its row; resolves with how many it wrote. */
export async function backfillPortalQueue(ctx: WriteContext): Promise<number> {
  let written = 0;
  for (const root of await portalThreadsWithoutRow(ctx.db)) {
    if (!(await rebuildPortalThreadRow(ctx, root.practice_id, root.thread_id))) continue;
    await announcePortalThread(ctx, root.practice_id, root.thread_id);
    written += 1;
  }
  return written;
}
