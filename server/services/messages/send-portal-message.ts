// A patient writes through the portal: the message goes to every staff member of their practice
// (mailbox and feed rows for each), in a thread only this patient and the practice's staff see.
import { randomUUID } from 'node:crypto';
import type { Message, PortalSendRequest } from '../../../common/http/index.js';
import { unprocessable } from '../../errors.js';
import { portalMessageJson, portalThreadOf } from '../../storage/queries/messages.js';
import { patientById, practiceStaff } from '../../storage/queries/people.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { queueAlerts } from '../email/alert-queue.js';
import { recordAudit, type Origin } from '../workflow/audit-log.js';
import { afterPatientMessage } from '../workflow/portal-queue.js';
import { forPatient, initialReceipts } from '../workflow/receipts.js';
import { alertable } from '../workflow/thread-mute.js';
import { contentHash, findRetry } from './idempotency.js';
import { storeMessage } from './message-store.js';

export async function sendPortalMessage(
  ctx: WriteContext,
  origin: Origin,
  patientId: string,
  request: PortalSendRequest,
): Promise<{ created: boolean; message: Message }> {
  const { clientId, ...content } = request;
  const hash = contentHash(['portal', content]);
  const retry = await findRetry(ctx.db, 'patient', patientId, clientId, hash);
  if (retry) return { created: false, message: forPatient(JSON.parse(retry.messageJson) as Message) };
  const patient = (await patientById(ctx.db, patientId))!;
  let threadId: string | null = null;
  if (request.inReplyTo) {
    const parentThread = await portalThreadOf(ctx.db, request.inReplyTo, patientId);
    if (!parentThread)
      throw unprocessable('unknown_message', 'The message you are replying to is not one of your conversations.');
    threadId = parentThread;
  }
  const staff = await practiceStaff(ctx.db, patient.practice_id);
  const id = randomUUID();
  const sentAt = new Date(ctx.now()).toISOString();
  const recipients = staff.map((member) => ({ kind: 'staff' as const, id: member.id, name: member.name }));
  const message: Message = {
    id,
    practiceId: patient.practice_id,
    threadId: threadId ?? id,
    clientId,
    source: 'portal',
    sender: { kind: 'patient', id: patient.id, name: patient.name },
    recipients,
    subject: request.subject,
    body: request.body,
    sentAt,
    inReplyTo: request.inReplyTo ?? null,
    patient: { id: patient.id, name: patient.name },
    encounter: null,
    document: null,
    attachments: [],
    priority: 'normal',
    receipts: initialReceipts(recipients, patient.id, sentAt),
  };
  const viewers = staff.map((member) => ({ staffId: member.id, read: false }));
  await storeMessage(ctx, {
    message,
    senderKind: 'patient',
    senderId: patientId,
    contentHash: hash,
    portalPatientId: patient.id,
    viewers,
    fileUploadIds: [],
  });
  await afterPatientMessage(ctx, message, patient.id);
  const alerted = await alertable(
    ctx.db,
    message.threadId,
    viewers.map((v) => v.staffId),
    'normal',
  );
  await queueAlerts(ctx, patient.practice_id, alerted, true, id);
  await recordAudit(ctx, origin, [
    {
      action: 'message_sent',
      practiceId: patient.practice_id,
      actor: { kind: 'patient', id: patient.id },
      messageId: id,
      threadId: message.threadId,
      patientId: patient.id,
    },
  ]);
  return { created: true, message: forPatient(message) };
}

/** A patient's own threads, oldest first: their portal messages and the staff replies in them. */
export async function portalMessages(db: Executor, patientId: string): Promise<Message[]> {
  return (await portalMessageJson(db, patientId)).map((json) => forPatient(JSON.parse(json) as Message));
}
