// The audit CSV on its own: quoting of commas, quotes and line breaks, and no cell a spreadsheet
// would run as a formula (a staff name is the one free text an event carries).
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../common/http/index.js';
import { AUDIT_CSV_COLUMNS, auditCsv } from '../../../server/services/workflow/audit-csv.js';

const event = (name: string): AuditEvent => ({
  id: 'e1',
  at: '2026-12-01T09:00:00.000Z',
  practiceId: 'p1',
  actor: { kind: 'staff', id: 's1', name },
  action: 'sign_in',
  ip: '127.0.0.1',
});

describe('audit CSV', () => {
  it('has a header row and one CRLF line per event, empty cells for what an event lacks', () => {
    expect(auditCsv([event('Dr. Daniel Lee')])).toBe(
      `${AUDIT_CSV_COLUMNS.join(',')}\r\ne1,2026-12-01T09:00:00.000Z,p1,staff,s1,Dr. Daniel Lee,sign_in,,,,,,,127.0.0.1\r\n`,
    );
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const lines = auditCsv([event('Lee, "Danny"\nMD'), event('=HYPERLINK("http://x")'), event('@SUM(1)')]).split(
      '\r\n',
    );
    expect(lines[1]).toContain('"Lee, ""Danny""\nMD"');
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[3]).toContain(",'@SUM(1),");
  });
});
