// A staff member sends a message (API.md "Messages"): idempotency, recipients and the portal
// reply rule, links and attachments, then message, mailboxes, feeds and alerts in the caller's write.
import { randomUUID } from 'node:crypto';
import type { MailboxState, Message, Party, SendMessageRequest } from '../../../common/http/index.js';
import { ApiError, notFound, unprocessable } from '../../errors.js';
import { anyPatientOf, patientById, staffMembers } from '../../storage/queries/people.js';
import type { WriteContext } from '../write-context.js';
import { queueAlerts } from '../email/alert-queue.js';
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
    return {
      recipients: [{ kind: 'patient', id: patient.id, name: patient.name }],
      staffViewers: [sender.id],
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
  senderId: string,
  practiceId: string,
  request: SendMessageRequest,
): Promise<SendResult> {
  const { clientId, ...content } = request;
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
  const links = await resolveLinks(ctx.db, practiceId, request);
  const { attachments, fileUploadIds } = await resolveAttachments(
    ctx.db,
    practiceId,
    senderId,
    request.attachments ?? [],
  );
  if (who.portalPatientId) await checkPortalReplyScope(ctx.db, practiceId, who.portalPatientId, request);
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
  await storeMessage(ctx, {
    message,
    senderKind: 'staff',
    senderId,
    contentHash: hash,
    portalPatientId: who.portalPatientId,
    viewers,
    fileUploadIds,
  });
  await queueAlerts(
    ctx,
    practiceId,
    who.staffViewers.filter((staffId) => staffId !== senderId),
    false,
  );
  return { created: true, message, state: { messageId: id, read: true, flagged: false, archived: false } };
}
