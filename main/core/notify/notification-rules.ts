// Which new messages deserve an OS notification, and what it says at each privacy level.
// Pure functions: the engine feeds them what a sync page stored.
import type { NotificationPrivacy } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import type { NotificationRequest } from '../host-ports.js';

export interface StoredMessage {
  message: Message;
  read: boolean;
  archived: boolean;
  incoming: boolean;
}

export interface NotifyContext {
  /** False while the first full sync (the backfill) is still running. */
  initialSyncDone: boolean;
  portalMessagesShown(practiceId: string): boolean;
}

export function selectNotifiable(stored: StoredMessage[], ctx: NotifyContext): Message[] {
  if (!ctx.initialSyncDone) return [];
  return stored
    .filter((s) => s.incoming && !s.read && !s.archived)
    .filter((s) => s.message.source !== 'portal' || ctx.portalMessagesShown(s.message.practiceId))
    .map((s) => s.message);
}

const NEW_TITLE = 'New secure message';
const URGENT_TITLE = 'Urgent secure message';

/** One notification for a burst: the single message's details, or a count for several. */
export function composeNotification(
  messages: Message[],
  privacy: NotificationPrivacy,
  urgent = false,
): NotificationRequest | null {
  const [first] = messages;
  if (!first) return null;
  const title = urgent ? URGENT_TITLE : NEW_TITLE;
  if (messages.length > 1) {
    return { title: `${messages.length} new secure messages`, body: '', target: null };
  }
  const target = { practiceId: first.practiceId, messageId: first.id };
  switch (privacy) {
    case 'generic':
      return { title, body: '', target };
    case 'sender':
      return { title, body: `From ${first.sender.name}`, target };
    case 'full':
      // Sender and subject only: never the body or the patient.
      return { title: `${title} from ${first.sender.name}`, body: first.subject, target };
  }
}
