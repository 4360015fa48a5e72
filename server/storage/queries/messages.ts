// Messages with their mailbox rows and file links: storing one, finding it by clientId (retries),
// and reading it back for a viewer.
import type { Message } from '../../../common/http/index.js';
import { isPostgres } from '../dialect.js';
import type { Executor, Flag } from '../schema.js';

export interface StoredMessage {
  message: Message;
  senderKind: 'staff' | 'patient';
  senderId: string;
  contentHash: string;
  portalPatientId: string | null;
}

/** Inserts the message; resolves with its seq (the key mailbox, feed and file rows point at). */
export async function insertMessage(db: Executor, m: StoredMessage): Promise<number> {
  const { message } = m;
  const row = await db
    .insertInto('messages')
    .values({
      id: message.id,
      practice_id: message.practiceId,
      thread_id: message.threadId,
      sender_kind: m.senderKind,
      sender_id: m.senderId,
      client_id: message.clientId,
      content_hash: m.contentHash,
      portal_patient_id: m.portalPatientId,
      message_json: JSON.stringify(message),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function insertMailboxRows(
  db: Executor,
  messageSeq: number,
  viewers: { staffId: string; read: boolean; readAt?: number | null }[],
): Promise<void> {
  if (viewers.length === 0) return;
  await db
    .insertInto('mailbox')
    .values(
      viewers.map((viewer) => ({
        staff_id: viewer.staffId,
        message_seq: messageSeq,
        read: viewer.read ? 1 : 0,
        flagged: 0,
        archived: 0,
        read_at: viewer.readAt ?? null,
      })),
    )
    .execute();
}

export async function linkFiles(db: Executor, messageSeq: number, uploadIds: string[]): Promise<void> {
  if (uploadIds.length === 0) return;
  await db
    .insertInto('message_files')
    .values(uploadIds.map((uploadId) => ({ upload_id: uploadId, message_seq: messageSeq })))
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

export function findByClientId(db: Executor, senderKind: 'staff' | 'patient', senderId: string, clientId: string) {
  return db
    .selectFrom('messages')
    .select(['seq', 'content_hash', 'message_json'])
    .where('sender_kind', '=', senderKind)
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export interface VisibleRow {
  seq: number;
  id: string;
  thread_id: string;
  portal_patient_id: string | null;
  message_json: string;
  read: Flag;
  flagged: Flag;
  archived: Flag;
  read_at: number | null;
  snoozed_until: number | null;
}

/**
 * The message with `id` in `practiceId` if `staffId` has it in their mailbox. `lockMailbox`: a write
 * that reads the state to change it locks the mailbox row (PostgreSQL; SQLite's writer is alone).
 */
export function findVisibleMessage(
  db: Executor,
  staffId: string,
  practiceId: string,
  id: string,
  lockMailbox = false,
): Promise<VisibleRow | undefined> {
  return db
    .selectFrom('messages as m')
    .innerJoin('mailbox as mb', (join) => join.onRef('mb.message_seq', '=', 'm.seq').on('mb.staff_id', '=', staffId))
    .select([
      'm.seq',
      'm.id',
      'm.thread_id',
      'm.portal_patient_id',
      'm.message_json',
      'mb.read',
      'mb.flagged',
      'mb.archived',
      'mb.read_at',
      'mb.snoozed_until',
    ])
    .where('m.id', '=', id)
    .where('m.practice_id', '=', practiceId)
    .$if(lockMailbox && isPostgres(db), (select) => select.forUpdate('mb'))
    .executeTakeFirst();
}

export function mailboxFlags(db: Executor, staffId: string, messageSeq: number) {
  return db
    .selectFrom('mailbox')
    .select(['read', 'flagged', 'archived', 'snoozed_until'])
    .where('staff_id', '=', staffId)
    .where('message_seq', '=', messageSeq)
    .executeTakeFirst();
}

export async function updateMailboxFlags(
  db: Executor,
  staffId: string,
  messageSeq: number,
  flags: { read: boolean; flagged: boolean; archived: boolean; snoozedUntil: number | null },
): Promise<void> {
  await db
    .updateTable('mailbox')
    .set({
      read: flags.read ? 1 : 0,
      flagged: flags.flagged ? 1 : 0,
      archived: flags.archived ? 1 : 0,
      snoozed_until: flags.snoozedUntil,
    })
    .where('staff_id', '=', staffId)
    .where('message_seq', '=', messageSeq)
    .execute();
}

/** The thread of a portal message the patient `patientId` is part of, if `messageId` is one. */
export async function portalThreadOf(db: Executor, messageId: string, patientId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('messages')
    .select('thread_id')
    .where('id', '=', messageId)
    .where('portal_patient_id', '=', patientId)
    .executeTakeFirst();
  return row?.thread_id;
}

/** A patient's own threads, oldest first, as stored JSON. */
export async function portalMessageJson(db: Executor, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('message_json')
    .where('portal_patient_id', '=', patientId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.message_json);
}
