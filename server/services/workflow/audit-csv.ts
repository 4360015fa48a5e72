// The audit trail as CSV (RFC 4180, CRLF lines). A cell that a spreadsheet would run as a formula
// (starting with = + - @ or a control character) is prefixed with an apostrophe.
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

function cell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsv(events: AuditEvent[]): string {
  const rows = events.map((e) =>
    [
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
    ]
      .map(cell)
      .join(','),
  );
  return [AUDIT_CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
