// The fake API's mailbox rules: which folder a message is in, its list row, and unread counts.
import type { MessageRow, UnreadCounts } from '../../../common/desktop/index.js';
import type { MailboxState, Message } from '../lib/types.js';
import { ME, PRACTICES } from './demo-data.js';

export type Stored = {
  message: Message;
  state: MailboxState;
  delivery: MessageRow['delivery'];
  deliveryError: string | null;
};

const isMine = (s: Stored) => s.message.sender.kind === 'staff' && s.message.sender.id === ME.id;

/** Snoozed until a time still ahead: out of the Inbox, To Do and the unread count until then. */
export const isSnoozed = (s: Stored, now = Date.now()) =>
  !!s.state.snoozedUntil && Date.parse(s.state.snoozedUntil) > now;

/** Inbox: received, not archived or snoozed (portal ones only when shown); Archived; Sent: mine; To Do: flagged. */
export function storedInFolder(s: Stored, practiceId: string, folder: string, portalShown: boolean): boolean {
  if (s.message.practiceId !== practiceId) return false;
  if (folder === 'todo') return s.state.flagged && !isSnoozed(s);
  if (folder === 'sent') return isMine(s);
  if (isMine(s)) return false;
  if (folder === 'archived') return s.state.archived;
  if (folder === 'snoozed') return !s.state.archived && isSnoozed(s);
  return !s.state.archived && !isSnoozed(s) && (portalShown || s.message.source !== 'portal');
}

export const toRow = (s: Stored): MessageRow => ({
  id: s.message.id,
  practiceId: s.message.practiceId,
  threadId: s.message.threadId,
  source: s.message.source,
  senderName: s.message.sender.name,
  recipientNames: s.message.recipients.map((r) => r.name),
  subject: s.message.subject,
  sentAt: s.message.sentAt,
  read: s.state.read,
  flagged: s.state.flagged,
  archived: s.state.archived,
  hasAttachments: s.message.attachments.length > 0,
  patientName: s.message.patient?.name ?? null,
  delivery: s.delivery,
  priority: s.message.priority ?? 'normal',
  snoozedUntil: s.state.snoozedUntil ?? null,
});

export interface CountRules {
  portalShown(practiceId: string): boolean;
  /** A portal message counts only while its thread is unassigned or the user's own. */
  portalThreadCounts(threadId: string): boolean;
}

export function unreadCounts(all: Iterable<Stored>, rules: CountRules): UnreadCounts {
  const byPractice: Record<string, number> = {};
  for (const p of PRACTICES) byPractice[p.id] = 0;
  let urgent = 0;
  for (const s of all) {
    const practiceId = s.message.practiceId;
    if (s.state.read || !storedInFolder(s, practiceId, 'inbox', rules.portalShown(practiceId))) continue;
    if (s.message.source === 'portal' && !rules.portalThreadCounts(s.message.threadId)) continue;
    byPractice[practiceId] = (byPractice[practiceId] ?? 0) + 1;
    if (s.message.priority === 'urgent') urgent++;
  }
  return { total: Object.values(byPractice).reduce((a, b) => a + b, 0), byPractice, urgent };
}
