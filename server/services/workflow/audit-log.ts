// Appends audit events (API.md "Audit trail") inside the write that does what they record, so an
// action and its event commit together or not at all. Ids only: never a subject, body or file name.
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../common/http/index.js';
import { insertAuditEvents } from '../../storage/queries/audit.js';
import type { Executor } from '../../storage/schema.js';

export interface AuditActor {
  kind: 'staff' | 'patient';
  id: string;
}

/** One event: what happened, who did it (null: unknown, as for a sign-in with an unknown email), to what. */
export interface AuditRecord {
  action: AuditAction;
  practiceId: string | null;
  actor: AuditActor | null;
  messageId?: string | undefined;
  threadId?: string | undefined;
  attachmentId?: string | undefined;
  documentId?: string | undefined;
  patientId?: string | undefined;
  templateId?: string | undefined;
}

/** Where a request came from (the client's address); writes made by the server itself say so. */
export interface Origin {
  ip: string;
}

export const SERVER_ORIGIN: Origin = { ip: 'server' };

export async function recordAudit(
  ctx: { db: Executor; now: () => number },
  origin: Origin,
  records: AuditRecord[],
): Promise<void> {
  await insertAuditEvents(
    ctx.db,
    records.map((r) => ({
      id: randomUUID(),
      at: ctx.now(),
      practice_id: r.practiceId,
      actor_kind: r.actor?.kind ?? null,
      actor_id: r.actor?.id ?? null,
      action: r.action,
      message_id: r.messageId ?? null,
      thread_id: r.threadId ?? null,
      attachment_id: r.attachmentId ?? null,
      document_id: r.documentId ?? null,
      patient_id: r.patientId ?? null,
      template_id: r.templateId ?? null,
      ip: origin.ip,
    })),
  );
}

export const staffActor = (id: string): AuditActor => ({ kind: 'staff', id });
