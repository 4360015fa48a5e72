// The demo's first conversations, written through the same send code as real ones: a portal
// thread from Ana Ruiz, replies, patient links, file and record attachments, flags and archives.
import { randomUUID } from 'node:crypto';
import type { AttachmentRef } from '../../common/http/index.js';
import { noChanges, type WriteContext } from '../services/write-context.js';
import { patchMailboxState } from '../services/mailbox-state.js';
import { sendPortalMessage } from '../services/messages/send-portal-message.js';
import { sendStaffMessage } from '../services/messages/send-staff-message.js';
import type { BlobStore } from '../storage/blobs/blob-store.js';
import { insertUpload } from '../storage/queries/uploads.js';
import type { Executor } from '../storage/schema.js';
import { SERVER_ORIGIN } from '../services/workflow/audit-log.js';
import { DEMO_STAFF } from './accounts.js';
import { DEMO_LAB_PDF } from './demo-documents.js';
import type { DemoIds } from './demo-ids.js';

const STEP_MS = 47 * 60 * 1000;

export async function seedDemoMessages(db: Executor, blobs: BlobStore, ids: DemoIds): Promise<void> {
  let clock = Date.now() - 3 * 24 * 60 * 60 * 1000;
  const ctx: WriteContext = {
    db,
    now: () => clock,
    alertsEnabled: false,
    changes: noChanges(),
  };
  const sunrise = ids.practices.sunrise!;
  const lakeside = ids.practices.lakeside!;
  const desk = ids.staff[DEMO_STAFF.frontdesk]!;
  const lee = ids.staff[DEMO_STAFF.drLee]!;
  const billing = ids.staff[DEMO_STAFF.billing]!;
  const nurse = ids.staff[DEMO_STAFF.nurse]!;
  const patient = (name: string): string => ids.patients[name]!;

  const staffSend = async (
    from: string,
    practiceId: string,
    to: string[],
    subject: string,
    body: string,
    extra: Partial<Parameters<typeof sendStaffMessage>[4]> = {},
  ): Promise<string> => {
    clock += STEP_MS;
    return (
      await sendStaffMessage(ctx, SERVER_ORIGIN, from, practiceId, {
        clientId: randomUUID(),
        to,
        subject,
        body,
        ...extra,
      })
    ).message.id;
  };
  const portalSend = async (
    patientName: string,
    subject: string,
    body: string,
    inReplyTo?: string,
  ): Promise<string> => {
    clock += STEP_MS;
    return (
      await sendPortalMessage(ctx, SERVER_ORIGIN, patient(patientName), {
        clientId: randomUUID(),
        subject,
        body,
        inReplyTo,
      })
    ).message.id;
  };
  const mark = async (
    staffId: string,
    practiceId: string,
    messageId: string,
    patch: { read?: boolean; flagged?: boolean; archived?: boolean },
  ): Promise<void> => {
    await patchMailboxState(ctx, SERVER_ORIGIN, staffId, practiceId, messageId, patch);
  };

  const refill = await staffSend(
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
  await mark(lee, sunrise, refill, { read: true });
  const refillReply = await staffSend(
    lee,
    sunrise,
    [desk],
    'Re: Refill request: lisinopril',
    'Approved for 90 days. Please let her know.',
    { inReplyTo: refill, patientId: patient('Ana Ruiz') },
  );
  await mark(desk, sunrise, refillReply, { read: true, archived: true });

  const question = await portalSend(
    'Ana Ruiz',
    'Question about my MRI results',
    'Hello, I saw my MRI report is ready. Could someone explain what it means?',
  );
  await mark(desk, sunrise, question, { read: true });
  const answer = await staffSend(
    desk,
    sunrise,
    [],
    'Re: Question about my MRI results',
    'Hi Ana, Dr. Lee will review the report and call you tomorrow morning.',
    { inReplyTo: question },
  );
  await portalSend('Ana Ruiz', 'Re: Question about my MRI results', 'Thank you, I will keep my phone nearby.', answer);

  const insurance = await staffSend(
    billing,
    sunrise,
    [desk],
    'Insurance update for Marcus Chen',
    'His plan changed on Nov 1. Please ask for the new card at check-in.',
    { patientId: patient('Marcus Chen') },
  );
  await mark(desk, sunrise, insurance, { read: true, flagged: true });

  const upload = await blobs.writeBytes(DEMO_LAB_PDF());
  const uploadId = randomUUID();
  await insertUpload(db, {
    id: uploadId,
    practice_id: sunrise,
    uploader_id: lee,
    name: 'Grace Kim lab note.pdf',
    mime_type: 'application/pdf',
    size: upload.size,
    sha256: upload.sha256,
    created_at: clock,
  });
  const labAttachments: AttachmentRef[] = [
    { kind: 'file', id: uploadId },
    { kind: 'encounter', id: ids.encounters['Grace Kim#0']! },
    { kind: 'document', id: ids.documents.cbc! },
  ];
  await staffSend(
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

  const schedule = await staffSend(
    desk,
    sunrise,
    [lee],
    'Schedule change on Friday',
    'The 2 pm slot moved to 3 pm at your request.',
  );
  await mark(lee, sunrise, schedule, { read: true, archived: true });
  const priorAuth = await staffSend(
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
  await mark(lee, sunrise, priorAuth, { flagged: true });
  await portalSend('Oliver Bennett', 'Reschedule my appointment', 'Can I move my Tuesday appointment to next week?');
  await staffSend(
    lee,
    sunrise,
    [desk],
    'Please call back Liam Patel',
    'He asked about his immunization record. Please call him back today.',
    { patientId: patient('Liam Patel') },
  );
  await staffSend(
    billing,
    sunrise,
    [lee],
    'Coding question for a recent visit',
    'Was the follow-up visit a level 3 or level 4 visit?',
    {
      encounterId: ids.encounters['Marcus Chen#0'],
    },
  );
  await staffSend(
    desk,
    sunrise,
    [lee, billing],
    'Staff meeting moved',
    'The Thursday staff meeting is now at 12:30 in the break room.',
  );

  await staffSend(
    nurse,
    lakeside,
    [billing],
    'Vaccine billing question',
    'Which code should we use for the combined vaccine given today?',
    { patientId: patient('Ben Okafor') },
  );
  await portalSend(
    'Ben Okafor',
    'Fever since last night',
    'Ben has had a fever of 38.5 since last night. Should we come in?',
  );
}
