// A staff member sends a message (API.md "Messages"): idempotency, recipients and the portal
// reply rule, links and attachments, then one transaction for message, mailboxes, feeds, alerts.
import { randomUUID } from 'node:crypto';
import type { MailboxState, Message, Party, SendMessageRequest } from '../../../common/http/index.js';
import { sql } from '../../db/database.js';
import { queueAlerts } from '../../email/alert-queue.js';
import { ApiError, notFound, unprocessable } from '../../http/api-error.js';
import type { WriteContext } from '../../http/context.js';
import { FeedWriter } from '../feed/feed-writer.js';
import { staffMember } from '../records/records.js';
import { contentHash, findRetry } from './idempotency.js';
import { findVisibleMessage, mailboxState, storeMessage } from './message-store.js';
import { checkPortalReplyScope } from './portal-reply-scope.js';
import { resolveAttachments, resolveLinks } from './resolve-links.js';

export interface SendResult {
  created: boolean;
  message: Message;
  state: MailboxState;
}

interface Audience {
  recipients: Party[];
  staffViewers: string[];
  threadId: string | null;
  portalPatientId: string | null;
}

function audience(ctx: WriteContext, senderId: string, practiceId: string, request: SendMessageRequest): Audience {
  const patientInTo = request.to.some(
    (id) => sql(ctx.db, 'SELECT 1 FROM patients WHERE id = ? AND practice_id = ?').get(id, practiceId) !== undefined,
  );
  if (patientInTo) {
    throw new ApiError(
      403,
      'cannot_message_patient',
      'Staff cannot start a message to a patient: reply to their portal message instead.',
    );
  }
  const parent = request.inReplyTo ? findVisibleMessage(ctx.db, senderId, practiceId, request.inReplyTo) : undefined;
  if (request.inReplyTo && !parent)
    throw unprocessable('unknown_message', 'The message you are replying to is not in your mailbox.');
  if (parent?.portalPatientId) {
    if (request.to.length > 0) {
      throw unprocessable(
        'reply_goes_to_patient',
        'A reply in a portal thread goes to the patient only: leave "to" empty.',
      );
    }
    const patient = sql(ctx.db, 'SELECT id, name FROM patients WHERE id = ?').get(parent.portalPatientId) as {
      id: string;
      name: string;
    };
    return {
      recipients: [{ kind: 'patient', id: patient.id, name: patient.name }],
      staffViewers: [senderId],
      threadId: parent.threadId,
      portalPatientId: patient.id,
    };
  }
  if (request.to.length === 0) throw unprocessable('no_recipients', 'Choose at least one recipient.');
  const recipients: Party[] = [];
  for (const id of new Set(request.to)) {
    const member = staffMember(ctx.db, practiceId, id);
    if (!member) throw unprocessable('unknown_recipient', 'A recipient is not a staff member of this practice.');
    recipients.push({ kind: 'staff', id: member.id, name: member.name });
  }
  const staffViewers = [senderId, ...recipients.map((r) => r.id).filter((id) => id !== senderId)];
  return { recipients, staffViewers, threadId: parent?.threadId ?? null, portalPatientId: null };
}

export function sendStaffMessage(
  ctx: WriteContext,
  senderId: string,
  practiceId: string,
  request: SendMessageRequest,
): SendResult {
  const { clientId, ...content } = request;
  const hash = contentHash([practiceId, content]);
  const feed = new FeedWriter(ctx.db);
  let queued = 0;
  const result = ctx.db
    .transaction((): SendResult => {
      const retry = findRetry(ctx.db, 'staff', senderId, clientId, hash);
      if (retry) {
        const message = JSON.parse(retry.messageJson) as Message;
        return { created: false, message, state: mailboxState(ctx.db, senderId, retry.seq, message.id) };
      }
      const sender = staffMember(ctx.db, practiceId, senderId);
      if (!sender) throw notFound();
      const who = audience(ctx, senderId, practiceId, request);
      const links = resolveLinks(ctx.db, practiceId, request);
      const { attachments, fileUploadIds } = resolveAttachments(
        ctx.db,
        practiceId,
        senderId,
        request.attachments ?? [],
      );
      if (who.portalPatientId) checkPortalReplyScope(ctx.db, practiceId, who.portalPatientId, request);
      const id = randomUUID();
      const message: Message = {
        id,
        practiceId,
        threadId: who.threadId ?? id,
        clientId,
        source: 'staff',
        sender: { kind: 'staff', id: sender.id, name: sender.name },
        recipients: who.recipients,
        subject: request.subject,
        body: request.body,
        sentAt: new Date(ctx.now()).toISOString(),
        inReplyTo: request.inReplyTo ?? null,
        ...links,
        patient:
          links.patient ?? (who.portalPatientId ? { id: who.recipients[0]!.id, name: who.recipients[0]!.name } : null),
        attachments,
      };
      const viewers = who.staffViewers.map((staffId) => ({ staffId, read: staffId === senderId }));
      storeMessage(ctx.db, feed, {
        message,
        senderKind: 'staff',
        senderId,
        contentHash: hash,
        portalPatientId: who.portalPatientId,
        viewers,
        fileUploadIds,
      });
      const alertTargets = ctx.alertsEnabled ? who.staffViewers.filter((staffId) => staffId !== senderId) : [];
      queued = queueAlerts(ctx.db, practiceId, alertTargets, false, ctx.now());
      return { created: true, message, state: { messageId: id, read: true, flagged: false, archived: false } };
    })
    .immediate();
  // ctx.changes holds these until the commit (db/group-commit.ts), so whoever reacts reads the new rows.
  if (result.created) ctx.changes.feedGrew(feed.newestSeqByStaff);
  if (queued > 0) ctx.changes.alertsQueued();
  return result;
}
