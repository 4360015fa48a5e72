// Writes a message with its mailbox rows, its viewers' feed rows and its file links (inside the
// caller's write), and reads messages back for a viewer.
import type { MailboxState, Message } from '../../../common/http/index.js';
import {
  findVisibleMessage as findVisibleRow,
  insertMailboxRows,
  insertMessage,
  linkFiles,
  mailboxFlags,
} from '../../storage/queries/messages.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { appendChanges } from '../feed/feed-changes.js';

export interface Viewer {
  staffId: string;
  read: boolean;
  /** When they read it, if they start having read it (the sender: at sending). */
  readAt?: number | null;
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

export const initialState = (messageId: string, read: boolean): MailboxState => ({
  messageId,
  read,
  flagged: false,
  archived: false,
  snoozedUntil: null,
});

const isoOrNull = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString();

export async function storeMessage(ctx: WriteContext, m: MessageToStore): Promise<number> {
  const { message } = m;
  const seq = await insertMessage(ctx.db, m);
  await insertMailboxRows(ctx.db, seq, m.viewers);
  await appendChanges(
    ctx,
    m.viewers.map((viewer) => ({
      staffId: viewer.staffId,
      practiceId: message.practiceId,
      kind: 'message' as const,
      payload: stateJson(initialState(message.id, viewer.read)),
      messageSeq: seq,
    })),
  );
  await linkFiles(ctx.db, seq, m.fileUploadIds);
  return seq;
}

export interface VisibleMessage {
  seq: number;
  id: string;
  threadId: string;
  portalPatientId: string | null;
  messageJson: string;
  state: MailboxState;
  /** When this viewer first read it (0: before receipts existed; null: never). */
  readAt: number | null;
}

/** The message with `id` in `practiceId` if `staffId` is one of its viewers, else undefined. */
export async function findVisibleMessage(
  db: Executor,
  staffId: string,
  practiceId: string,
  id: string,
  lockMailbox = false,
): Promise<VisibleMessage | undefined> {
  const row = await findVisibleRow(db, staffId, practiceId, id, lockMailbox);
  if (!row) return undefined;
  return {
    seq: row.seq,
    id: row.id,
    threadId: row.thread_id,
    portalPatientId: row.portal_patient_id,
    messageJson: row.message_json,
    state: {
      messageId: row.id,
      read: row.read === 1,
      flagged: row.flagged === 1,
      archived: row.archived === 1,
      snoozedUntil: isoOrNull(row.snoozed_until),
    },
    readAt: row.read_at === null ? null : Number(row.read_at),
  };
}

export async function mailboxState(
  db: Executor,
  staffId: string,
  messageSeq: number,
  messageId: string,
): Promise<MailboxState> {
  const row = await mailboxFlags(db, staffId, messageSeq);
  return {
    messageId,
    read: row?.read === 1,
    flagged: row?.flagged === 1,
    archived: row?.archived === 1,
    snoozedUntil: isoOrNull(row?.snoozed_until),
  };
}
