// A staff member sends a message (API.md "Messages"): idempotency, recipients and the portal
// reply rule, links and attachments, then message, mailboxes, feeds and alerts in the caller's write.
import { randomUUID } from 'node:crypto';
import type { MailboxState, Message, Party, SendMessageRequest } from '../../../common/http/index.js';
import { ApiError, notFound, unprocessable } from '../../errors.js';
import { anyPatientOf, patientById, practiceStaff, staffMembers } from '../../storage/queries/people.js';
import type { WriteContext } from '../write-context.js';
import { queueAlerts } from '../email/alert-queue.js';
import { contentHash, findRetry } from './idempotency.js';
import { afterStaffReply, claimForReply } from '../workflow/portal-queue.js';
import { recordAudit, staffActor, type Origin } from '../workflow/audit-log.js';
import { initialReceipts } from '../workflow/receipts.js';
import { alertable } from '../workflow/thread-mute.js';
import { findVisibleMessage, initialState, mailboxState, storeMessage } from './message-store.js';
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

const cannotMessagePatient = (): ApiError =>
  new ApiError(
    403,
    'cannot_message_patient',
    'Staff cannot start a message to a patient: reply to their portal message instead.',
  );

async function audience(
  ctx: WriteContext,
  sender: Party,
  practiceId: string,
  request: SendMessageRequest,
  members: Map<string, Party>,
): Promise<Audience> {
  const unknown = [...new Set(request.to)].filter((id) => !members.has(id));
  // Ids are unique across staff and patients: only an id that is not staff can be a patient.
  if (await anyPatientOf(ctx.db, practiceId, unknown)) throw cannotMessagePatient();
  const parent = request.inReplyTo
    ? await findVisibleMessage(ctx.db, sender.id, practiceId, request.inReplyTo)
    : undefined;
  if (request.inReplyTo && !parent)
    throw unprocessable('unknown_message', 'The message you are replying to is not in your mailbox.');
  if (parent?.portalPatientId) {
    if (request.to.length > 0) {
      throw unprocessable(
        'reply_goes_to_patient',
        'A reply in a portal thread goes to the patient only: leave "to" empty.',
      );
    }
    const patient = (await patientById(ctx.db, parent.portalPatientId))!;
    // Every staff member of the practice sees the staff replies of a portal thread (the shared queue).
    const staff = await practiceStaff(ctx.db, practiceId);
    return {
      recipients: [{ kind: 'patient', id: patient.id, name: patient.name }],
      staffViewers: [sender.id, ...staff.map((member) => member.id).filter((id) => id !== sender.id)],
      threadId: parent.threadId,
      portalPatientId: patient.id,
    };
  }
  if (request.to.length === 0) throw unprocessable('no_recipients', 'Choose at least one recipient.');
  if (unknown.length > 0)
    throw unprocessable('unknown_recipient', 'A recipient is not a staff member of this practice.');
  const recipients = [...new Set(request.to)].map((id) => members.get(id)!);
  const staffViewers = [sender.id, ...recipients.map((r) => r.id).filter((id) => id !== sender.id)];
  return { recipients, staffViewers, threadId: parent?.threadId ?? null, portalPatientId: null };
}

export async function sendStaffMessage(
  ctx: WriteContext,
  origin: Origin,
  senderId: string,
  practiceId: string,
  request: SendMessageRequest,
): Promise<SendResult> {
  // takeOver is how, not what: a retry that adds it is the same message.
  const { clientId, takeOver, ...content } = request;
  const hash = contentHash([practiceId, content]);
  const retry = await findRetry(ctx.db, 'staff', senderId, clientId, hash);
  if (retry) {
    const message = JSON.parse(retry.messageJson) as Message;
    return { created: false, message, state: await mailboxState(ctx.db, senderId, retry.seq, message.id) };
  }
  // The sender and every recipient in one lookup.
  const found = await staffMembers(ctx.db, practiceId, [...new Set([senderId, ...request.to])]);
  const members = new Map<string, Party>(found.map((m) => [m.id, { kind: 'staff', id: m.id, name: m.name }]));
  const sender = members.get(senderId);
  if (!sender) throw notFound();
  const who = await audience(ctx, sender, practiceId, request, members);
  if (who.portalPatientId) await claimForReply(ctx, origin, senderId, practiceId, who.threadId!, takeOver ?? false);
  const links = await resolveLinks(ctx.db, practiceId, request);
  const { attachments, fileUploadIds } = await resolveAttachments(
    ctx.db,
    practiceId,
    senderId,
    request.attachments ?? [],
  );
  if (who.portalPatientId) await checkPortalReplyScope(ctx.db, practiceId, who.portalPatientId, request);
  const id = randomUUID();
  const sentAt = new Date(ctx.now()).toISOString();
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
    sentAt,
    inReplyTo: request.inReplyTo ?? null,
    ...links,
    patient:
      links.patient ?? (who.portalPatientId ? { id: who.recipients[0]!.id, name: who.recipients[0]!.name } : null),
    attachments,
    priority: request.priority ?? 'normal',
    receipts: initialReceipts(who.recipients, senderId, sentAt),
  };
  // In a portal thread the other staff get the reply to know of it, not to answer it: already read.
  const viewers = who.staffViewers.map((staffId) => ({
    staffId,
    read: staffId === senderId || who.portalPatientId !== null,
    readAt: staffId === senderId ? ctx.now() : null,
  }));
  await storeMessage(ctx, {
    message,
    senderKind: 'staff',
    senderId,
    contentHash: hash,
    portalPatientId: who.portalPatientId,
    viewers,
    fileUploadIds,
  });
  if (who.portalPatientId) await afterStaffReply(ctx, message);
  else {
    const recipients = who.staffViewers.filter((staffId) => staffId !== senderId);
    const alerted = await alertable(ctx.db, message.threadId, recipients, message.priority!);
    await queueAlerts(ctx, practiceId, alerted, false, id);
  }
  await recordAudit(ctx, origin, [
    {
      action: 'message_sent',
      practiceId,
      actor: staffActor(senderId),
      messageId: id,
      threadId: message.threadId,
      patientId: message.patient?.id,
    },
  ]);
  return { created: true, message, state: initialState(id, true) };
}
