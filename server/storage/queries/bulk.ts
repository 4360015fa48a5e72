// Bulk inserts for benchmark data (demo/bulk-messages.ts and the desktop benchmarks): many plain
// staff messages with their mailbox and feed rows in a few multi-row statements.
import type { MailboxState, Message } from '../../../common/http/index.js';
import type { Executor } from '../schema.js';

export interface BulkMessage {
  message: Message;
  senderId: string;
  viewers: { staffId: string; read: boolean }[];
}

export async function insertBulkMessages(db: Executor, batch: BulkMessage[]): Promise<void> {
  if (batch.length === 0) return;
  const stored = await db
    .insertInto('messages')
    .values(
      batch.map(({ message, senderId }) => ({
        id: message.id,
        practice_id: message.practiceId,
        thread_id: message.threadId,
        sender_kind: 'staff' as const,
        sender_id: senderId,
        client_id: message.clientId,
        content_hash: `bulk-${message.id}`,
        portal_patient_id: null,
        message_json: JSON.stringify(message),
      })),
    )
    .returning(['seq', 'id'])
    .execute();
  const seqOf = new Map(stored.map((row) => [row.id, row.seq]));
  const rows = batch.flatMap(({ message, viewers }) =>
    viewers.map((viewer) => ({ message, viewer, seq: seqOf.get(message.id)! })),
  );
  // Feed rows in message order, so each viewer's feed reads oldest first.
  rows.sort((a, b) => a.seq - b.seq);
  await db
    .insertInto('mailbox')
    .values(
      rows.map(({ viewer, seq }) => ({
        staff_id: viewer.staffId,
        message_seq: seq,
        read: viewer.read ? 1 : 0,
        flagged: 0,
        archived: 0,
      })),
    )
    .execute();
  await db
    .insertInto('feed')
    .values(
      rows.map(({ message, viewer, seq }) => ({
        staff_id: viewer.staffId,
        practice_id: message.practiceId,
        kind: 'message' as const,
        message_seq: seq,
        payload: JSON.stringify({
          messageId: message.id,
          read: viewer.read,
          flagged: false,
          archived: false,
        } satisfies MailboxState),
      })),
    )
    .execute();
}
