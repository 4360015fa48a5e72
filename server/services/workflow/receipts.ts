// Read receipts (API.md "Priority and read receipts"): one per staff recipient, its readAt set the
// first time they read the message and never cleared; each first read is told to every staff viewer
// (a `receipt` change) and recorded in the audit trail.
import type { Message, Receipt } from '../../../common/http/index.js';
import { firstReadTimes, markFirstRead, messageViewers } from '../../storage/queries/mailbox-times.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import type { VisibleMessage } from '../messages/message-store.js';
import { recordAudit, staffActor, type Origin } from './audit-log.js';
import { tell } from './change-fanout.js';

/** The receipts a new message starts with: one per staff recipient, read only by a sender who is one. */
export function initialReceipts(recipients: Message['recipients'], senderId: string, sentAt: string): Receipt[] {
  return recipients
    .filter((r) => r.kind === 'staff')
    .map((r) => ({ userId: r.id, readAt: r.id === senderId ? sentAt : null }));
}

/** `staffId` has just marked the message read: the first time, set readAt, tell its viewers, audit it. */
export async function noteRead(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  visible: VisibleMessage,
): Promise<void> {
  if (visible.readAt !== null) return;
  if (!(await markFirstRead(ctx.db, staffId, visible.seq, ctx.now()))) return;
  const message = JSON.parse(visible.messageJson) as Message;
  await recordAudit(ctx, origin, [
    {
      action: 'message_read',
      practiceId,
      actor: staffActor(staffId),
      messageId: message.id,
      threadId: message.threadId,
      patientId: message.patient?.id,
    },
  ]);
  if (!message.receipts?.some((receipt) => receipt.userId === staffId)) return;
  const readAt = new Date(ctx.now()).toISOString();
  const viewers = await messageViewers(ctx.db, visible.seq);
  await tell(ctx, viewers, practiceId, 'receipt', { messageId: message.id, userId: staffId, readAt });
}

/** The message with its receipts as they are now (a stored message holds them as sent). */
export async function withCurrentReceipts(db: Executor, messageSeq: number, message: Message): Promise<Message> {
  if (!message.receipts) return message; // stored before receipts existed
  const times = await firstReadTimes(
    db,
    messageSeq,
    message.receipts.map((r) => r.userId),
  );
  const receipts = message.receipts.map((r) => {
    const at = times.get(r.userId);
    return { userId: r.userId, readAt: at ? new Date(at).toISOString() : null };
  });
  return { ...message, receipts };
}

/** What a patient may see of a message: everything but the staff's receipts. */
export function forPatient(message: Message): Message {
  const { receipts: _receipts, ...rest } = message;
  return rest;
}
