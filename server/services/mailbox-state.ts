// Changes the caller's own mailbox state for a message (read, flagged, archived, snoozed), records
// it in their feed, and for what the audit trail and read receipts care about, there too.
import type { MailboxState, Message, StatePatch } from '../../common/http/index.js';
import { notFound } from '../errors.js';
import { updateMailboxFlags } from '../storage/queries/messages.js';
import type { WriteContext } from './write-context.js';
import { appendChanges } from './feed/feed-changes.js';
import { findVisibleMessage, stateJson, type VisibleMessage } from './messages/message-store.js';
import { recordAudit, staffActor, type AuditRecord, type Origin } from './workflow/audit-log.js';
import { noteRead } from './workflow/receipts.js';
import { snoozeTime } from './workflow/snooze.js';

export async function patchMailboxState(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  messageId: string,
  patch: StatePatch,
): Promise<MailboxState> {
  const visible = await findVisibleMessage(ctx.db, staffId, practiceId, messageId, true);
  if (!visible) throw notFound();
  const before = visible.state;
  const snoozedUntil =
    patch.snoozedUntil === undefined
      ? (before.snoozedUntil ?? null)
      : patch.snoozedUntil === null
        ? null
        : new Date(snoozeTime(patch.snoozedUntil, ctx.now())).toISOString();
  const next: MailboxState = {
    messageId,
    read: patch.read ?? before.read,
    flagged: patch.flagged ?? before.flagged,
    archived: patch.archived ?? before.archived,
    snoozedUntil,
  };
  const changed =
    next.read !== before.read ||
    next.flagged !== before.flagged ||
    next.archived !== before.archived ||
    snoozedUntil !== (before.snoozedUntil ?? null);
  if (!changed) return next; // nothing to tell other devices
  await updateMailboxFlags(ctx.db, staffId, visible.seq, {
    ...next,
    snoozedUntil: snoozedUntil === null ? null : Date.parse(snoozedUntil),
  });
  await appendChanges(ctx, [{ staffId, practiceId, kind: 'state', payload: stateJson(next), messageSeq: visible.seq }]);
  await recordAudit(ctx, origin, stateEvents(staffId, practiceId, visible, next));
  if (next.read && !before.read) await noteRead(ctx, origin, staffId, practiceId, visible);
  return next;
}

/** The audit events a state change makes (first reads are noteRead's). */
function stateEvents(staffId: string, practiceId: string, visible: VisibleMessage, next: MailboxState): AuditRecord[] {
  const before = visible.state;
  const actions: AuditRecord['action'][] = [];
  if (next.flagged !== before.flagged) actions.push(next.flagged ? 'message_flagged' : 'message_unflagged');
  if (next.archived !== before.archived) actions.push(next.archived ? 'message_archived' : 'message_unarchived');
  if (next.snoozedUntil && next.snoozedUntil !== before.snoozedUntil) actions.push('message_snoozed');
  if (actions.length === 0) return [];
  const patientId = (JSON.parse(visible.messageJson) as Message).patient?.id;
  return actions.map((action) => ({
    action,
    practiceId,
    actor: staffActor(staffId),
    messageId: visible.id,
    threadId: visible.threadId,
    patientId,
  }));
}
