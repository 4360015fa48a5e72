// Demo practice data for the fake desktop API: two practices, staff, patients, records and messages.
import type { DocumentInfo, Encounter, PatientSummary, SessionInfo, StaffUser } from '../../../common/desktop/index.js';
import type { MailboxState, Message } from '../lib/types.js';

type PracticeRef = SessionInfo['practices'][number];

export const ME = { id: 'u-me', name: 'Dana Front', email: 'dana@riverside.example' };
export const DEMO_PASSWORD = 'correct horse';

/** Dana is the admin of Riverside (so she sees its audit trail) and front desk at Lakeview. */
export const PRACTICES: PracticeRef[] = [
  { id: 'p1', name: 'Riverside Family Practice', role: 'admin' },
  { id: 'p2', name: 'Lakeview Pediatrics', role: 'front desk' },
];

export const STAFF: Record<string, StaffUser[]> = {
  p1: [
    { id: 'u-me', name: 'Dana Front', role: 'admin' },
    { id: 'u-lee', name: 'Dr. Morgan Lee', role: 'Physician' },
    { id: 'u-ortiz', name: 'Sam Ortiz', role: 'Nurse' },
    { id: 'u-kim', name: 'Jo Kim', role: 'Billing' },
  ],
  p2: [
    { id: 'u-me', name: 'Dana Front', role: 'Front desk' },
    { id: 'u-patel', name: 'Dr. Ravi Patel', role: 'Physician' },
  ],
};

export const PATIENTS: Record<string, PatientSummary[]> = {
  p1: [
    { id: 'pt-ada', name: 'Ada Brown', dateOfBirth: '1956-03-14', mrn: 'MRN-1001' },
    { id: 'pt-carl', name: 'Carl Diaz', dateOfBirth: '1988-11-02', mrn: 'MRN-1002' },
  ],
  p2: [{ id: 'pt-emma', name: 'Emma Fox', dateOfBirth: '2019-06-21', mrn: 'LP-2001' }],
};

export const ENCOUNTERS: Encounter[] = [
  {
    id: 'enc-1',
    patientId: 'pt-ada',
    date: '2026-11-20',
    providerName: 'Dr. Morgan Lee',
    reason: 'Annual physical',
    notes: 'Blood pressure stable. Labs ordered.',
  },
  {
    id: 'enc-2',
    patientId: 'pt-carl',
    date: '2026-11-24',
    providerName: 'Dr. Morgan Lee',
    reason: 'Sprained ankle follow-up',
    notes: 'Healing well.',
  },
];

export const DOCUMENTS: Record<string, DocumentInfo[]> = {
  p1: [
    {
      id: 'doc-1',
      title: 'Lab results Nov 2026',
      fileName: 'labs-2026-11.pdf',
      mimeType: 'application/pdf',
      size: 48_213,
      patientId: 'pt-ada',
      createdAt: '2026-11-21T10:00:00.000Z',
    },
    {
      id: 'doc-2',
      title: 'Insurance card',
      fileName: 'insurance-card.png',
      mimeType: 'image/png',
      size: 120_400,
      patientId: 'pt-carl',
      createdAt: '2026-11-24T09:10:00.000Z',
    },
  ],
  p2: [],
};

type Seed = { message: Message; state: MailboxState };

const staffParty = (id: string, name: string) => ({ kind: 'staff' as const, id, name });
const me = staffParty(ME.id, ME.name);

function seed(
  partial: Partial<Message> & Pick<Message, 'id' | 'subject' | 'sentAt'>,
  state: Partial<MailboxState> = {},
): Seed {
  const message: Message = {
    practiceId: 'p1',
    threadId: partial.id,
    clientId: `c-${partial.id}`,
    source: 'staff',
    sender: staffParty('u-lee', 'Dr. Morgan Lee'),
    recipients: [me],
    body: '',
    inReplyTo: null,
    patient: null,
    encounter: null,
    document: null,
    attachments: [],
    ...partial,
  };
  return { message, state: { messageId: partial.id, read: false, flagged: false, archived: false, ...state } };
}

/** A few messages covering every mark the list shows. */
export function demoMessages(): Seed[] {
  return [
    seed({
      id: 'm-labs',
      subject: 'Lab results for Ada Brown',
      sentAt: '2026-11-26T15:40:00.000Z',
      priority: 'urgent',
      body: 'Please call Ada Brown to schedule a follow-up about her lab results.',
      patient: { id: 'pt-ada', name: 'Ada Brown' },
      encounter: { id: 'enc-1', date: '2026-11-20' },
      document: { id: 'doc-1', title: 'Lab results Nov 2026' },
      attachments: [
        {
          id: 'a-1',
          kind: 'file',
          name: 'labs-summary.txt',
          size: 24,
          mimeType: 'text/plain',
          sha256: 'a'.repeat(64),
        },
        { id: 'a-2', kind: 'encounter', refId: 'enc-1', name: 'Encounter 2026-11-20' },
      ],
    }),
    seed({
      id: 'm-portal',
      subject: 'Question about my prescription',
      sentAt: '2026-11-26T14:05:00.000Z',
      source: 'portal',
      sender: { kind: 'patient', id: 'pt-carl', name: 'Carl Diaz' },
      body: 'Hello, can I get a refill of my ankle brace prescription?',
      patient: { id: 'pt-carl', name: 'Carl Diaz' },
    }),
    seed(
      {
        id: 'm-schedule',
        subject: 'Schedule change Friday',
        sentAt: '2026-11-25T09:00:00.000Z',
        sender: staffParty('u-ortiz', 'Sam Ortiz'),
        body: 'I am out Friday afternoon; please move my 3 pm patients.',
      },
      { read: true, flagged: true },
    ),
    seed(
      {
        id: 'm-billing',
        subject: 'Billing codes for November',
        sentAt: '2026-11-24T16:30:00.000Z',
        sender: staffParty('u-kim', 'Jo Kim'),
        body: 'The November billing codes are attached in the practice drive.',
      },
      { read: true },
    ),
    seed(
      {
        id: 'm-old',
        subject: 'Holiday hours',
        sentAt: '2026-11-20T08:00:00.000Z',
        sender: staffParty('u-ortiz', 'Sam Ortiz'),
        body: 'Office closes at noon on Thursday.',
      },
      { read: true, archived: true },
    ),
    seed(
      {
        id: 'm-sent',
        subject: 'Fax machine is fixed',
        sentAt: '2026-11-25T11:15:00.000Z',
        sender: me,
        recipients: [staffParty('u-lee', 'Dr. Morgan Lee'), staffParty('u-ortiz', 'Sam Ortiz')],
        body: 'The fax machine works again.',
        receipts: [
          { userId: 'u-lee', readAt: '2026-11-25T11:42:00.000Z' },
          { userId: 'u-ortiz', readAt: null },
        ],
      },
      { read: true },
    ),
    seed({
      id: 'm-lakeview',
      practiceId: 'p2',
      subject: 'Vaccine schedule for Emma Fox',
      sentAt: '2026-11-26T12:00:00.000Z',
      sender: staffParty('u-patel', 'Dr. Ravi Patel'),
      body: 'Emma Fox is due for her vaccines next week.',
      patient: { id: 'pt-emma', name: 'Emma Fox' },
    }),
  ];
}

/** Many synthetic inbox messages, for the 100,000-row story page. */
export function bulkMessages(count: number): Seed[] {
  const senders = STAFF.p1!.filter((u) => u.id !== ME.id);
  const start = Date.parse('2026-11-19T00:00:00.000Z');
  const out: Seed[] = [];
  for (let i = 0; i < count; i++) {
    const sender = senders[i % senders.length]!;
    out.push(
      seed(
        {
          id: `bulk-${i}`,
          subject: `Routine message #${i + 1}`,
          sentAt: new Date(start - i * 60_000).toISOString(),
          sender: staffParty(sender.id, sender.name),
          body: `Synthetic message number ${i + 1}.`,
        },
        { read: i % 3 !== 0, flagged: i % 97 === 0 },
      ),
    );
  }
  return out;
}
