// Reading the audit trail (API.md "Audit trail"): for the practice's admins only, filtered, paged
// oldest first with an opaque cursor, as the wire's events.
import type { AuditEvent, AuditPage, AuditQuery } from '../../../common/http/index.js';
import { MAX_AUDIT_PAGE } from '../../../common/http/index.js';
import { ApiError } from '../../errors.js';
import { readAuditPage, type AuditPosition, type AuditRow } from '../../storage/queries/audit.js';
import { memberRole } from '../../storage/queries/people.js';
import type { Executor } from '../../storage/schema.js';
import { invalidCursor } from '../feed/cursor.js';

export const ADMIN_ROLE = 'admin';
const DEFAULT_AUDIT_PAGE = 500;
const START: AuditPosition = { tx: 0, seq: 0 };

const forbidden = (): ApiError =>
  new ApiError(403, 'forbidden', 'Only an administrator of this practice can read its audit trail.');

export const encodeAuditCursor = (p: AuditPosition): string => `a${p.tx.toString(36)}.${p.seq.toString(36)}`;

export function decodeAuditCursor(cursor: string | undefined): AuditPosition {
  if (cursor === undefined || cursor === '') return START;
  const match = /^a([0-9a-z]{1,13})\.([0-9a-z]{1,13})$/.exec(cursor);
  const tx = match?.[1] ? parseInt(match[1], 36) : NaN;
  const seq = match?.[2] ? parseInt(match[2], 36) : NaN;
  if (!Number.isSafeInteger(tx) || !Number.isSafeInteger(seq)) throw invalidCursor();
  return { tx, seq };
}

function wire(row: AuditRow): AuditEvent {
  const optional = {
    messageId: row.message_id,
    threadId: row.thread_id,
    attachmentId: row.attachment_id,
    documentId: row.document_id,
    patientId: row.patient_id,
    templateId: row.template_id,
  };
  return {
    id: row.id,
    at: new Date(Number(row.at)).toISOString(),
    practiceId: row.practice_id,
    actor:
      row.actor_kind && row.actor_id ? { kind: row.actor_kind, id: row.actor_id, name: row.actor_name ?? '' } : null,
    action: row.action as AuditEvent['action'],
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== null)),
    ip: row.ip,
  };
}

/** One page of `practiceId`'s audit trail for `staffId`, who must be an admin there (403 otherwise). */
export async function auditPage(db: Executor, staffId: string, practiceId: string, q: AuditQuery): Promise<AuditPage> {
  if ((await memberRole(db, staffId, practiceId)) !== ADMIN_ROLE) throw forbidden();
  const after = decodeAuditCursor(q.after);
  const limit = Math.min(q.limit ?? DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE);
  const rows = await readAuditPage(
    db,
    {
      practiceId,
      userId: q.userId,
      messageId: q.messageId,
      patientId: q.patientId,
      action: q.action,
      from: q.from === undefined ? undefined : Date.parse(q.from),
      to: q.to === undefined ? undefined : Date.parse(q.to),
    },
    after,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(wire),
    cursor: encodeAuditCursor(last ? { tx: Number(last.tx), seq: Number(last.seq) } : after),
    more: rows.length > limit,
  };
}
