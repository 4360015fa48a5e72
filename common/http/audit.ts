// Second wave: the audit trail (API.md "Audit trail"): ids only, never subjects, bodies or file names.
import { z } from 'zod';
import { Id, IsoTime } from './primitives.js';

export const AuditAction = z.enum([
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'message_sent',
  'message_read',
  'message_flagged',
  'message_unflagged',
  'message_archived',
  'message_unarchived',
  'message_snoozed',
  'attachment_downloaded',
  'document_downloaded',
  'portal_claimed',
  'portal_assigned',
  'portal_released',
  'portal_closed',
  'settings_changed',
  'template_created',
  'template_updated',
  'template_deleted',
]);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEvent = z.object({
  id: Id,
  at: IsoTime,
  practiceId: Id.nullable(),
  actor: z.object({ kind: z.enum(['staff', 'patient']), id: Id, name: z.string() }).nullable(),
  action: AuditAction,
  messageId: Id.optional(),
  threadId: Id.optional(),
  attachmentId: Id.optional(),
  documentId: Id.optional(),
  patientId: Id.optional(),
  /** Ours (docs/API.md): the template of a template_* event. */
  templateId: Id.optional(),
  ip: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const MAX_AUDIT_PAGE = 1000;

export const AuditQuery = z.object({
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).optional(),
  userId: Id.optional(),
  messageId: Id.optional(),
  patientId: Id.optional(),
  action: AuditAction.optional(),
  /** Our extension (docs/API.md): events at or after `from`, before `to`. */
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ events: z.array(AuditEvent), cursor: z.string(), more: z.boolean() });
export type AuditPage = z.infer<typeof AuditPage>;
