// The demo's team-workflow content (API.md second wave), written through the same services as real
// use: portal threads in every state of the queue (waiting, claimed, assigned, closed), practice and
// personal quick-text templates, and an urgent message with its read receipts.
import { randomUUID } from 'node:crypto';
import type { SendMessageRequest } from '../../common/http/index.js';
import { noChanges, type WriteContext } from '../services/write-context.js';
import { patchMailboxState } from '../services/mailbox-state.js';
import { sendPortalMessage } from '../services/messages/send-portal-message.js';
import { sendStaffMessage } from '../services/messages/send-staff-message.js';
import { SERVER_ORIGIN as DEMO_ORIGIN } from '../services/workflow/audit-log.js';
import { actOnPortalThread } from '../services/workflow/portal-queue.js';
import { createTemplate } from '../services/workflow/templates.js';
import type { Executor } from '../storage/schema.js';
import { DEMO_STAFF } from './accounts.js';
import type { DemoIds } from './demo-ids.js';

const STEP_MS = 23 * 60 * 1000;

const PRACTICE_TEMPLATES = [
  {
    title: 'Appointment reminder',
    body: 'Hi {patient.firstName}, this is a reminder of your appointment at {practice.name}. Reply here if you need to change it.',
  },
  {
    title: 'Lab results ready',
    body: 'Hi {patient.firstName}, your lab results are in. {me.name} will go over them with you at your next visit.',
  },
  {
    title: 'Refill approved',
    body: 'Hi {patient.name}, your refill was approved on {today} and sent to your pharmacy on file.',
  },
];

export async function seedDemoWorkflow(db: Executor, ids: DemoIds): Promise<void> {
  // Before the first conversations (demo-messages.ts starts 3 days back, seeded after these): the
  // inbox's newest rows stay theirs.
  let clock = Date.now() - 4 * 24 * 60 * 60 * 1000;
  const ctx: WriteContext = { db, now: () => clock, alertsEnabled: false, changes: noChanges() };
  const tick = (): void => void (clock += STEP_MS);
  const sunrise = ids.practices.sunrise!;
  const desk = ids.staff[DEMO_STAFF.frontdesk]!;
  const lee = ids.staff[DEMO_STAFF.drLee]!;
  const billing = ids.staff[DEMO_STAFF.billing]!;

  for (const template of PRACTICE_TEMPLATES) {
    tick();
    await createTemplate(ctx, DEMO_ORIGIN, lee, sunrise, { ...template, scope: 'practice' });
  }
  await createTemplate(ctx, DEMO_ORIGIN, desk, sunrise, {
    title: 'My sign-off',
    body: 'Thank you,\n{me.name}\nFront desk, {practice.name}',
    scope: 'personal',
  });

  const portal = async (patientName: string, subject: string, body: string, inReplyTo?: string) => {
    tick();
    const request = { clientId: randomUUID(), subject, body, inReplyTo };
    return (await sendPortalMessage(ctx, DEMO_ORIGIN, ids.patients[patientName]!, request)).message;
  };
  const staff = async (from: string, request: Omit<SendMessageRequest, 'clientId'>) => {
    tick();
    return (await sendStaffMessage(ctx, DEMO_ORIGIN, from, sunrise, { clientId: randomUUID(), ...request })).message;
  };

  // Claimed by Dr. Lee, who answered; the patient wrote again, so it waits again.
  const form = await portal('Liam Patel', 'School sports form', 'Could the doctor sign my sports form for school?');
  await staff(lee, {
    to: [],
    subject: 'Re: School sports form',
    body: 'Yes, bring it to the front desk and I will sign it this week.',
    inReplyTo: form.id,
  });
  await portal('Liam Patel', 'Re: School sports form', 'Great, I will drop it off on Thursday.', form.id);

  // Assigned to billing, not yet answered.
  const bill = await portal('Marcus Chen', 'Question about my bill', 'I was charged twice for my October visit.');
  tick();
  await actOnPortalThread(ctx, DEMO_ORIGIN, desk, sunrise, bill.threadId, { kind: 'assign', userId: billing });

  // Answered and closed.
  const thanks = await portal('Grace Kim', 'Thank you', 'Thank you for explaining my lab results so clearly.');
  await staff(desk, { to: [], subject: 'Re: Thank you', body: 'You are welcome, take care!', inReplyTo: thanks.id });
  tick();
  await actOnPortalThread(ctx, DEMO_ORIGIN, desk, sunrise, thanks.threadId, { kind: 'close' });

  // An urgent staff message, read by one of its two recipients.
  const urgent = await staff(desk, {
    to: [lee, billing],
    subject: 'Patient waiting in room 2',
    body: 'The 10:30 patient has chest pain and is waiting in room 2. Please come now.',
    priority: 'urgent',
  });
  tick();
  await patchMailboxState(ctx, DEMO_ORIGIN, lee, sunrise, urgent.id, { read: true });
}
