// Maps a wire Message to cache columns and back. The JSON column holds everything except the
// subject and body, which have their own columns (indexed by FTS) so they are stored once.
import type { MailboxState, Message } from '../../../common/http/index.js';
import type { Delivery, MessageRow } from '../../../common/desktop/index.js';

export interface MessageColumns {
  id: string;
  client_id: string;
  practice_id: string;
  thread_id: string;
  source: string;
  sender_id: string;
  sender_name: string;
  subject: string;
  body: string;
  patient_name: string | null;
  recipient_names: string;
  has_attachments: number;
  sent_at: string;
  incoming: number;
  outgoing: number;
  json: string;
  delivery: Delivery;
  delivery_error: string | null;
  /** Copied to mailbox_state (the urgent unread count and the list's mark). */
  urgent: number;
}

export function isOwn(message: Message, userId: string): boolean {
  return message.source === 'staff' && message.sender.kind === 'staff' && message.sender.id === userId;
}

export function toColumns(message: Message, userId: string, delivery: Delivery = 'delivered'): MessageColumns {
  const own = isOwn(message, userId);
  const addressedToMe = message.recipients.some((r) => r.kind === 'staff' && r.id === userId);
  const { subject, body, ...rest } = message;
  return {
    id: message.id,
    client_id: message.clientId,
    practice_id: message.practiceId,
    thread_id: message.threadId,
    source: message.source,
    sender_id: message.sender.id,
    sender_name: message.sender.name,
    subject,
    body,
    patient_name: message.patient?.name ?? null,
    recipient_names: JSON.stringify(message.recipients.map((r) => r.name)),
    has_attachments: message.attachments.length > 0 ? 1 : 0,
    sent_at: message.sentAt,
    // Anything the user can see and did not send was delivered to them (portal messages go to all staff).
    incoming: !own || addressedToMe ? 1 : 0,
    outgoing: own ? 1 : 0,
    json: JSON.stringify(rest),
    delivery,
    delivery_error: null,
    urgent: message.priority === 'urgent' ? 1 : 0,
  };
}

export function messageFromColumns(row: { subject: string; body: string; json: string }): Message {
  return { ...(JSON.parse(row.json) as Omit<Message, 'subject' | 'body'>), subject: row.subject, body: row.body };
}

/** Columns a list row needs, selected by the list and search queries. */
export const LIST_COLUMNS = `m.id, m.practice_id, m.thread_id, m.source, m.sender_name, m.recipient_names, m.subject,
  m.sent_at, m.has_attachments, m.patient_name, m.delivery, b.read, b.flagged, b.archived, b.urgent, b.snoozed_until`;

export interface ListRowColumns {
  id: string;
  practice_id: string;
  thread_id: string;
  source: 'staff' | 'portal';
  sender_name: string;
  recipient_names: string;
  subject: string;
  sent_at: string;
  has_attachments: number;
  patient_name: string | null;
  delivery: Delivery;
  read: number;
  flagged: number;
  archived: number;
  urgent: number;
  snoozed_until: string | null;
}

export function toMessageRow(r: ListRowColumns): MessageRow {
  return {
    id: r.id,
    practiceId: r.practice_id,
    threadId: r.thread_id,
    source: r.source,
    senderName: r.sender_name,
    recipientNames: JSON.parse(r.recipient_names) as string[],
    subject: r.subject,
    sentAt: r.sent_at,
    read: r.read === 1,
    flagged: r.flagged === 1,
    archived: r.archived === 1,
    hasAttachments: r.has_attachments === 1,
    patientName: r.patient_name,
    delivery: r.delivery,
    priority: r.urgent === 1 ? 'urgent' : 'normal',
    snoozedUntil: r.snoozed_until,
  };
}

export function stateFromColumns(
  messageId: string,
  r: { read: number; flagged: number; archived: number; snoozed_until: string | null },
): MailboxState {
  return {
    messageId,
    read: r.read === 1,
    flagged: r.flagged === 1,
    archived: r.archived === 1,
    snoozedUntil: r.snoozed_until,
  };
}
