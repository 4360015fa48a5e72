// Demo team-workflow data for the fake desktop API: the portal queue, quick-text templates and audit events.
import type { AuditEvent, PortalThreadView, TemplateView } from '../../../common/desktop/index.js';
import type { MailboxState, Message } from '../lib/types.js';
import { ME } from './demo-data.js';

const patientParty = (id: string, name: string) => ({ kind: 'patient' as const, id, name });

/** Portal threads of the default demo: Carl Diaz's question (m-portal) waits, unassigned. */
export function demoPortalThreads(): PortalThreadView[] {
  return [
    {
      threadId: 'm-portal',
      practiceId: 'p1',
      patient: { id: 'pt-carl', name: 'Carl Diaz' },
      subject: 'Question about my prescription',
      status: 'open',
      owner: null,
      lastMessageAt: '2026-11-26T14:05:00.000Z',
      waitingSince: '2026-11-26T14:05:00.000Z',
      lastMessageId: 'm-portal',
      pending: false,
      problem: null,
    },
  ];
}

type Seed = { message: Message; state: MailboxState };

const portalMessage = (
  id: string,
  patient: { id: string; name: string },
  subject: string,
  sentAt: string,
): Message => ({
  id,
  practiceId: 'p1',
  threadId: id,
  clientId: `c-${id}`,
  source: 'portal',
  sender: patientParty(patient.id, patient.name),
  recipients: [],
  subject,
  body: 'Could someone call me back about this?',
  sentAt,
  inReplyTo: null,
  patient,
  encounter: null,
  document: null,
  attachments: [],
  priority: 'normal',
});

/** The busier queue (option `portalQueue`): one thread Dr. Lee owns and one closed, beside Carl Diaz's. */
export function extraPortalSeeds(): { seeds: Seed[]; threads: PortalThreadView[] } {
  const ada = { id: 'pt-ada', name: 'Ada Brown' };
  const owned = portalMessage('m-portal-ada', ada, 'Refill for blood pressure pills', '2026-11-26T09:30:00.000Z');
  const closed = portalMessage('m-portal-closed', ada, 'Parking at the clinic', '2026-11-22T10:00:00.000Z');
  const read = (m: Message): Seed => ({
    message: m,
    state: { messageId: m.id, read: true, flagged: false, archived: false },
  });
  return {
    seeds: [read(owned), read(closed)],
    threads: [
      {
        threadId: owned.id,
        practiceId: 'p1',
        patient: ada,
        subject: owned.subject,
        status: 'open',
        owner: { id: 'u-lee', name: 'Dr. Morgan Lee' },
        lastMessageAt: owned.sentAt,
        waitingSince: owned.sentAt,
        lastMessageId: owned.id,
        pending: false,
        problem: null,
      },
      {
        threadId: closed.id,
        practiceId: 'p1',
        patient: ada,
        subject: closed.subject,
        status: 'closed',
        owner: { id: ME.id, name: ME.name },
        lastMessageAt: closed.sentAt,
        waitingSince: null,
        lastMessageId: closed.id,
        pending: false,
        problem: null,
      },
    ],
  };
}

export function demoTemplates(): Map<string, TemplateView> {
  const list: TemplateView[] = [
    {
      id: 'tpl-reminder',
      title: 'Appointment reminder',
      body: 'Hi {patient.firstName}, this is {me.name} from {practice.name}. A reminder of your appointment; call us if you need to change it.',
      scope: 'practice',
      updatedAt: '2026-11-01T09:00:00.000Z',
      pending: false,
    },
    {
      id: 'tpl-callback',
      title: 'Called back',
      body: 'I called {patient.name} on {today} and left a message.',
      scope: 'personal',
      updatedAt: '2026-11-02T09:00:00.000Z',
      pending: false,
    },
  ];
  return new Map(list.map((t) => [t.id, t]));
}

export function demoAuditEvents(): AuditEvent[] {
  const lee = { kind: 'staff' as const, id: 'u-lee', name: 'Dr. Morgan Lee' };
  const me = { kind: 'staff' as const, id: ME.id, name: ME.name };
  return [
    { id: 'ev-1', at: '2026-11-25T08:00:00.000Z', practiceId: 'p1', actor: me, action: 'sign_in', ip: '10.0.0.12' },
    {
      id: 'ev-2',
      at: '2026-11-25T11:15:00.000Z',
      practiceId: 'p1',
      actor: me,
      action: 'message_sent',
      messageId: 'm-sent',
      threadId: 'm-sent',
      ip: '10.0.0.12',
    },
    {
      id: 'ev-3',
      at: '2026-11-25T11:42:00.000Z',
      practiceId: 'p1',
      actor: lee,
      action: 'message_read',
      messageId: 'm-sent',
      ip: '10.0.0.31',
    },
    {
      id: 'ev-4',
      at: '2026-11-26T15:45:00.000Z',
      practiceId: 'p1',
      actor: lee,
      action: 'attachment_downloaded',
      messageId: 'm-labs',
      attachmentId: 'a-1',
      patientId: 'pt-ada',
      ip: '10.0.0.31',
    },
  ];
}
