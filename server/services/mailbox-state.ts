// Changes the caller's own mailbox state for a message and records it in their feed.
import type { MailboxState, StatePatch } from '../../common/http/index.js';
import { notFound } from '../errors.js';
import { updateMailboxFlags } from '../storage/queries/messages.js';
import type { WriteContext } from './write-context.js';
import { appendChanges } from './feed/feed-changes.js';
import { findVisibleMessage, stateJson } from './messages/message-store.js';

export async function patchMailboxState(
  ctx: WriteContext,
  staffId: string,
  practiceId: string,
  messageId: string,
  patch: StatePatch,
): Promise<MailboxState> {
  const visible = await findVisibleMessage(ctx.db, staffId, practiceId, messageId, true);
  if (!visible) throw notFound();
  const next: MailboxState = {
    messageId,
    read: patch.read ?? visible.state.read,
    flagged: patch.flagged ?? visible.state.flagged,
    archived: patch.archived ?? visible.state.archived,
  };
  const changed =
    next.read !== visible.state.read ||
    next.flagged !== visible.state.flagged ||
    next.archived !== visible.state.archived;
  if (!changed) return next; // nothing to tell other devices
  await updateMailboxFlags(ctx.db, staffId, visible.seq, next);
  await appendChanges(ctx, [{ staffId, practiceId, kind: 'state', payload: stateJson(next), messageSeq: visible.seq }]);
  return next;
}
