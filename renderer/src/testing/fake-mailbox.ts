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

/** Inbox: received, not archived (portal ones only when shown); Archived; Sent: mine; To Do: flagged. */
export function storedInFolder(s: Stored, practiceId: string, folder: string, portalShown: boolean): boolean {
  if (s.message.practiceId !== practiceId) return false;
  if (folder === 'todo') return s.state.flagged;
  if (folder === 'sent') return isMine(s);
  if (isMine(s)) return false;
  if (folder === 'archived') return s.state.archived;
  return !s.state.archived && (portalShown || s.message.source !== 'portal');
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
});

export function unreadCounts(all: Iterable<Stored>, portalShown: (practiceId: string) => boolean): UnreadCounts {
  const byPractice: Record<string, number> = {};
  for (const p of PRACTICES) byPractice[p.id] = 0;
  for (const s of all) {
    const practiceId = s.message.practiceId;
    if (!s.state.read && storedInFolder(s, practiceId, 'inbox', portalShown(practiceId))) {
      byPractice[practiceId] = (byPractice[practiceId] ?? 0) + 1;
    }
  }
  return { total: Object.values(byPractice).reduce((a, b) => a + b, 0), byPractice };
}
