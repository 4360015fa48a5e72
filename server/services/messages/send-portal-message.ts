// A patient writes through the portal: the message goes to every staff member of their practice
// (mailbox and feed rows for each), in a thread only this patient and the practice's staff see.
import { randomUUID } from 'node:crypto';
import type { Message, PortalSendRequest } from '../../../common/http/index.js';
import { sql } from '../../db/database.js';
import { queueAlerts } from '../../email/alert-queue.js';
import { unprocessable } from '../../http/api-error.js';
import type { ServerContext, WriteContext } from '../../http/context.js';
import { FeedWriter } from '../feed/feed-writer.js';
import { practiceStaff } from '../records/records.js';
import { contentHash, findRetry } from './idempotency.js';
import { storeMessage } from './message-store.js';

interface PatientRow {
  id: string;
  name: string;
  practice_id: string;
}

export function sendPortalMessage(
  ctx: WriteContext,
  patientId: string,
  request: PortalSendRequest,
): { created: boolean; message: Message } {
  const { clientId, ...content } = request;
  const hash = contentHash(['portal', content]);
  const feed = new FeedWriter(ctx.db);
  let queued = 0;
  const result = ctx.db
    .transaction(() => {
      const retry = findRetry(ctx.db, 'patient', patientId, clientId, hash);
      if (retry) return { created: false, message: JSON.parse(retry.messageJson) as Message };
      const patient = sql(ctx.db, 'SELECT id, name, practice_id FROM patients WHERE id = ?').get(
        patientId,
      ) as PatientRow;
      let threadId: string | null = null;
      if (request.inReplyTo) {
        const parent = sql(ctx.db, 'SELECT thread_id FROM messages WHERE id = ? AND portal_patient_id = ?').get(
          request.inReplyTo,
          patientId,
        ) as { thread_id: string } | undefined;
        if (!parent)
          throw unprocessable('unknown_message', 'The message you are replying to is not one of your conversations.');
        threadId = parent.thread_id;
      }
      const staff = practiceStaff(ctx.db, patient.practice_id);
      const id = randomUUID();
      const message: Message = {
        id,
        practiceId: patient.practice_id,
        threadId: threadId ?? id,
        clientId,
        source: 'portal',
        sender: { kind: 'patient', id: patient.id, name: patient.name },
        recipients: staff.map((member) => ({ kind: 'staff' as const, id: member.id, name: member.name })),
        subject: request.subject,
        body: request.body,
        sentAt: new Date(ctx.now()).toISOString(),
        inReplyTo: request.inReplyTo ?? null,
        patient: { id: patient.id, name: patient.name },
        encounter: null,
        document: null,
        attachments: [],
      };
      const viewers = staff.map((member) => ({ staffId: member.id, read: false }));
      storeMessage(ctx.db, feed, {
        message,
        senderKind: 'patient',
        senderId: patientId,
        contentHash: hash,
        portalPatientId: patient.id,
        viewers,
        fileUploadIds: [],
      });
      if (ctx.alertsEnabled)
        queued = queueAlerts(
          ctx.db,
          patient.practice_id,
          viewers.map((v) => v.staffId),
          true,
          ctx.now(),
        );
      return { created: true, message };
    })
    .immediate();
  if (result.created) ctx.changes.feedGrew(feed.newestSeqByStaff);
  if (queued > 0) ctx.changes.alertsQueued();
  return result;
}

/** A patient's own threads, oldest first: their portal messages and the staff replies in them. */
export function portalMessages(ctx: ServerContext, patientId: string): Message[] {
  const rows = sql(ctx.db, 'SELECT message_json FROM messages WHERE portal_patient_id = ? ORDER BY seq').all(
    patientId,
  ) as {
    message_json: string;
  }[];
  return rows.map((row) => JSON.parse(row.message_json) as Message);
}
