// Changes the caller's own mailbox state for a message and records it in their feed.
import type { MailboxState, StatePatch } from '../../common/http/index.js';
import { sql } from '../db/database.js';
import { notFound } from '../http/api-error.js';
import type { WriteContext } from '../http/context.js';
import { FeedWriter } from './feed/feed-writer.js';
import { findVisibleMessage, stateJson } from './messages/message-store.js';

export function patchMailboxState(
  ctx: WriteContext,
  staffId: string,
  practiceId: string,
  messageId: string,
  patch: StatePatch,
): MailboxState {
  const feed = new FeedWriter(ctx.db);
  const state = ctx.db
    .transaction((): MailboxState => {
      const visible = findVisibleMessage(ctx.db, staffId, practiceId, messageId);
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
      sql(ctx.db, 'UPDATE mailbox SET read = ?, flagged = ?, archived = ? WHERE staff_id = ? AND message_seq = ?').run(
        next.read ? 1 : 0,
        next.flagged ? 1 : 0,
        next.archived ? 1 : 0,
        staffId,
        visible.seq,
      );
      feed.append(staffId, practiceId, 'state', stateJson(next), visible.seq);
      return next;
    })
    .immediate();
  ctx.changes.feedGrew(feed.newestSeqByStaff);
  return state;
}
