// The demo's first conversations, written through the same send code as real ones: a portal
// thread from Ana Ruiz, replies, patient links, file and record attachments, flags and archives.
import { randomUUID } from 'node:crypto';
import type { AttachmentRef } from '../../common/http/index.js';
import { sql, type Db } from '../db/database.js';
import type { WriteContext } from '../http/context.js';
import type { BlobStore } from '../services/blob-store.js';
import { patchMailboxState } from '../services/mailbox-state.js';
import { sendPortalMessage } from '../services/messages/send-portal-message.js';
import { sendStaffMessage } from '../services/messages/send-staff-message.js';
import { DEMO_STAFF } from './accounts.js';
import { DEMO_LAB_PDF } from './demo-documents.js';

export interface DemoIds {
  practices: Partial<Record<'sunrise' | 'lakeside', string>>;
  staff: Record<string, string>;
  patients: Record<string, string>;
  encounters: Record<string, string>;
  documents: Record<string, string>;
}

const STEP_MS = 47 * 60 * 1000;

export function seedDemoMessages(db: Db, blobs: BlobStore, ids: DemoIds): void {
  let clock = Date.now() - 3 * 24 * 60 * 60 * 1000;
  const ctx: WriteContext = {
    db,
    now: () => clock,
    alertsEnabled: false,
    changes: { feedGrew: () => undefined, alertsQueued: () => undefined },
  };
  const sunrise = ids.practices.sunrise!;
  const lakeside = ids.practices.lakeside!;
  const desk = ids.staff[DEMO_STAFF.frontdesk]!;
  const lee = ids.staff[DEMO_STAFF.drLee]!;
  const billing = ids.staff[DEMO_STAFF.billing]!;
  const nurse = ids.staff[DEMO_STAFF.nurse]!;
  const patient = (name: string): string => ids.patients[name]!;

  const staffSend = (
    from: string,
    practiceId: string,
    to: string[],
    subject: string,
    body: string,
    extra: Partial<Parameters<typeof sendStaffMessage>[3]> = {},
  ): string => {
    clock += STEP_MS;
    return sendStaffMessage(ctx, from, practiceId, { clientId: randomUUID(), to, subject, body, ...extra }).message.id;
  };
  const portalSend = (patientName: string, subject: string, body: string, inReplyTo?: string): string => {
    clock += STEP_MS;
    return sendPortalMessage(ctx, patient(patientName), { clientId: randomUUID(), subject, body, inReplyTo }).message
      .id;
  };
  const mark = (
    staffId: string,
    practiceId: string,
    messageId: string,
    patch: { read?: boolean; flagged?: boolean; archived?: boolean },
  ): void => {
    patchMailboxState(ctx, staffId, practiceId, messageId, patch);
  };

  const refill = staffSend(
    desk,
    sunrise,
    [lee],
    'Refill request: lisinopril',
    'Ana Ruiz called for a refill of lisinopril 10 mg. Pharmacy on file. OK to send?',
    {
      patientId: patient('Ana Ruiz'),
      attachments: [{ kind: 'patient', id: patient('Ana Ruiz') }],
    },
  );
  mark(lee, sunrise, refill, { read: true });
  const refillReply = staffSend(
    lee,
    sunrise,
    [desk],
    'Re: Refill request: lisinopril',
    'Approved for 90 days. Please let her know.',
    { inReplyTo: refill, patientId: patient('Ana Ruiz') },
  );
  mark(desk, sunrise, refillReply, { read: true, archived: true });

  const question = portalSend(
    'Ana Ruiz',
    'Question about my MRI results',
    'Hello, I saw my MRI report is ready. Could someone explain what it means?',
  );
  mark(desk, sunrise, question, { read: true });
  const answer = staffSend(
    desk,
    sunrise,
    [],
    'Re: Question about my MRI results',
    'Hi Ana, Dr. Lee will review the report and call you tomorrow morning.',
    { inReplyTo: question },
  );
  portalSend('Ana Ruiz', 'Re: Question about my MRI results', 'Thank you, I will keep my phone nearby.', answer);

  const insurance = staffSend(
    billing,
    sunrise,
    [desk],
    'Insurance update for Marcus Chen',
    'His plan changed on Nov 1. Please ask for the new card at check-in.',
    { patientId: patient('Marcus Chen') },
  );
  mark(desk, sunrise, insurance, { read: true, flagged: true });

  const upload = blobs.writeBytesSync(DEMO_LAB_PDF());
  const uploadId = randomUUID();
  sql(
    db,
    'INSERT INTO uploads (id, practice_id, uploader_id, name, mime_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(uploadId, sunrise, lee, 'Grace Kim lab note.pdf', 'application/pdf', upload.size, upload.sha256, clock);
  const labAttachments: AttachmentRef[] = [
    { kind: 'file', id: uploadId },
    { kind: 'encounter', id: ids.encounters['Grace Kim#0']! },
    { kind: 'document', id: ids.documents.cbc! },
  ];
  staffSend(
    lee,
    sunrise,
    [desk, billing],
    'Lab results for Grace Kim',
    'CBC is normal. Please schedule a routine follow-up in 3 months.',
    {
      patientId: patient('Grace Kim'),
      encounterId: ids.encounters['Grace Kim#0'],
      documentId: ids.documents.cbc,
      attachments: labAttachments,
    },
  );

  const schedule = staffSend(
    desk,
    sunrise,
    [lee],
    'Schedule change on Friday',
    'The 2 pm slot moved to 3 pm at your request.',
  );
  mark(lee, sunrise, schedule, { read: true, archived: true });
  const priorAuth = staffSend(
    desk,
    sunrise,
    [lee],
    'Prior authorization needed',
    'The MRI for Sofia Rossi needs a prior authorization form signed.',
    {
      patientId: patient('Sofia Rossi'),
      attachments: [{ kind: 'document', id: ids.documents.discharge! }],
    },
  );
  mark(lee, sunrise, priorAuth, { flagged: true });
  portalSend('Oliver Bennett', 'Reschedule my appointment', 'Can I move my Tuesday appointment to next week?');
  staffSend(
    lee,
    sunrise,
    [desk],
    'Please call back Liam Patel',
    'He asked about his immunization record. Please call him back today.',
    { patientId: patient('Liam Patel') },
  );
  staffSend(
    billing,
    sunrise,
    [lee],
    'Coding question for a recent visit',
    'Was the follow-up visit a level 3 or level 4 visit?',
    {
      encounterId: ids.encounters['Marcus Chen#0'],
    },
  );
  staffSend(
    desk,
    sunrise,
    [lee, billing],
    'Staff meeting moved',
    'The Thursday staff meeting is now at 12:30 in the break room.',
  );

  staffSend(
    nurse,
    lakeside,
    [billing],
    'Vaccine billing question',
    'Which code should we use for the combined vaccine given today?',
    { patientId: patient('Ben Okafor') },
  );
  portalSend(
    'Ben Okafor',
    'Fever since last night',
    'Ben has had a fever of 38.5 since last night. Should we come in?',
  );
}
