// The audit trail as CSV (csv-stringify: RFC 4180 quoting, CRLF lines). A cell a spreadsheet would
// run as a formula (starting with = + - @ or a control character) is prefixed with an apostrophe.
import { stringify } from 'csv-stringify/sync';
import type { AuditEvent } from '../../../common/http/index.js';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'practiceId',
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'messageId',
  'threadId',
  'attachmentId',
  'documentId',
  'patientId',
  'templateId',
  'ip',
] as const;

export function auditCsv(events: AuditEvent[]): string {
  const rows = events.map((e) => [
    e.id,
    e.at,
    e.practiceId,
    e.actor?.kind,
    e.actor?.id,
    e.actor?.name,
    e.action,
    e.messageId,
    e.threadId,
    e.attachmentId,
    e.documentId,
    e.patientId,
    e.templateId,
    e.ip,
  ]);
  return stringify(rows, {
    header: true,
    columns: [...AUDIT_CSV_COLUMNS],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
