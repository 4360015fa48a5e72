// Synthetic wire objects (messages, changes) for cache and rule tests that need no server.
import { randomUUID } from 'node:crypto';
import type { Change, MailboxState, Message } from '../../../common/http/index.js';

export const ME = { kind: 'staff' as const, id: 'u-me', name: 'Front Desk' };
export const DR_LEE = { kind: 'staff' as const, id: 'u-lee', name: 'Dr. Lee' };
export const PATIENT = { kind: 'patient' as const, id: 'pt-ana', name: 'Ana Ruiz' };
export const P1 = 'p-sunrise';
export const P2 = 'p-lakeside';

let clock = Date.parse('2026-11-01T09:00:00.000Z');
export const nextTime = () => new Date((clock += 60_000)).toISOString();

export function message(overrides: Partial<Message> = {}): Message {
  const id = overrides.id ?? `m-${randomUUID()}`;
  return {
    id,
    practiceId: P1,
    threadId: id,
    clientId: randomUUID(),
    source: 'staff',
    sender: DR_LEE,
    recipients: [ME],
    subject: 'Lab results ready',
    body: 'Please call back about the results.',
    sentAt: nextTime(),
    inReplyTo: null,
    patient: null,
    encounter: null,
    document: null,
    attachments: [],
    ...overrides,
  };
}

export function state(m: Message, overrides: Partial<MailboxState> = {}): MailboxState {
  return { messageId: m.id, read: false, flagged: false, archived: false, ...overrides };
}

export function messageChange(m: Message, s: Partial<MailboxState> = {}): Change {
  return { kind: 'message', practiceId: m.practiceId, message: m, state: state(m, s) };
}

export const KEY = 'ab'.repeat(32);
