// Writes a message with its mailbox rows, its viewers' feed rows and its file links (the caller
// wraps this in the transaction that also queues alerts), and reads messages back for a viewer.
import type { MailboxState, Message } from '../../../common/http/index.js';
import { sql, type Db } from '../../db/database.js';
import type { FeedWriter } from '../feed/feed-writer.js';

export interface Viewer {
  staffId: string;
  read: boolean;
}

export interface MessageToStore {
  message: Message;
  senderKind: 'staff' | 'patient';
  senderId: string;
  contentHash: string;
  portalPatientId: string | null;
  viewers: Viewer[];
  fileUploadIds: string[];
}

export const stateJson = (state: MailboxState): string => JSON.stringify(state);

export function storeMessage(db: Db, feed: FeedWriter, m: MessageToStore): number {
  const { message } = m;
  const seq = Number(
    sql(
      db,
      `INSERT INTO messages (id, practice_id, thread_id, sender_kind, sender_id, client_id, content_hash, portal_patient_id, message_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      message.id,
      message.practiceId,
      message.threadId,
      m.senderKind,
      m.senderId,
      message.clientId,
      m.contentHash,
      m.portalPatientId,
      JSON.stringify(message),
    ).lastInsertRowid,
  );
  const mailbox = sql(
    db,
    'INSERT INTO mailbox (staff_id, message_seq, read, flagged, archived) VALUES (?, ?, ?, 0, 0)',
  );
  for (const viewer of m.viewers) {
    mailbox.run(viewer.staffId, seq, viewer.read ? 1 : 0);
    const state = { messageId: message.id, read: viewer.read, flagged: false, archived: false };
    feed.append(viewer.staffId, message.practiceId, 'message', stateJson(state), seq);
  }
  const link = sql(db, 'INSERT OR IGNORE INTO message_files (upload_id, message_seq) VALUES (?, ?)');
  for (const uploadId of m.fileUploadIds) link.run(uploadId, seq);
  return seq;
}

export interface StoredByClientId {
  seq: number;
  content_hash: string;
  message_json: string;
}

export function findByClientId(
  db: Db,
  senderKind: 'staff' | 'patient',
  senderId: string,
  clientId: string,
): StoredByClientId | undefined {
  return sql(
    db,
    'SELECT seq, content_hash, message_json FROM messages WHERE sender_kind = ? AND sender_id = ? AND client_id = ?',
  ).get(senderKind, senderId, clientId) as StoredByClientId | undefined;
}

interface VisibleRow {
  seq: number;
  id: string;
  thread_id: string;
  portal_patient_id: string | null;
  message_json: string;
  read: number;
  flagged: number;
  archived: number;
}

export interface VisibleMessage {
  seq: number;
  id: string;
  threadId: string;
  portalPatientId: string | null;
  messageJson: string;
  state: MailboxState;
}

/** The message with `id` in `practiceId` if `staffId` is one of its viewers, else undefined. */
export function findVisibleMessage(
  db: Db,
  staffId: string,
  practiceId: string,
  id: string,
): VisibleMessage | undefined {
  const row = sql(
    db,
    `SELECT m.seq, m.id, m.thread_id, m.portal_patient_id, m.message_json, mb.read, mb.flagged, mb.archived
     FROM messages m JOIN mailbox mb ON mb.message_seq = m.seq AND mb.staff_id = ?
     WHERE m.id = ? AND m.practice_id = ?`,
  ).get(staffId, id, practiceId) as VisibleRow | undefined;
  if (!row) return undefined;
  return {
    seq: row.seq,
    id: row.id,
    threadId: row.thread_id,
    portalPatientId: row.portal_patient_id,
    messageJson: row.message_json,
    state: { messageId: row.id, read: row.read === 1, flagged: row.flagged === 1, archived: row.archived === 1 },
  };
}

export function mailboxState(db: Db, staffId: string, messageSeq: number, messageId: string): MailboxState {
  const row = sql(db, 'SELECT read, flagged, archived FROM mailbox WHERE staff_id = ? AND message_seq = ?').get(
    staffId,
    messageSeq,
  ) as { read: number; flagged: number; archived: number } | undefined;
  return { messageId, read: row?.read === 1, flagged: row?.flagged === 1, archived: row?.archived === 1 };
}
