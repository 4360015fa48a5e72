// User actions written with their outbox row in one transaction (in the writer thread), so the UI
// shows them at once, online or offline. Each message gets its clientId here, once, when first queued.
import { randomUUID } from 'node:crypto';
import type { ComposeRequest } from '../../../../common/desktop/index.js';
import type { Attachment, Message, Party, PracticeSettings, StatePatch } from '../../../../common/http/index.js';
import { AttachmentStore } from '../attachment-store.js';
import { DesktopCallError, notFound } from '../../errors.js';
import { SendPayload, type StatePayload } from '../../outbox/outbox-payloads.js';
import type { Db } from '../driver.js';
import { localMessageId } from '../message-ids.js';
import type { MessageWriter } from '../message-writer.js';
import type { OutboxStore } from '../outbox-store.js';
import type { PracticeStore } from '../practice-store.js';
import type { RecordStore } from '../record-store.js';
import type { StagedFileStore } from '../staged-file-store.js';

export interface UserActionStores {
  db: Db;
  messages: MessageWriter;
  outbox: OutboxStore;
  practices: PracticeStore;
  records: RecordStore;
  staged: StagedFileStore;
}

/** `takeOver`: a reply to a portal thread someone else owns takes it over. */
export type QueuedCompose = Omit<ComposeRequest, 'practiceId'> & { inReplyTo?: string; takeOver?: boolean };
type AttachmentArg = NonNullable<ComposeRequest['attachments']>[number];
/** A reply's thread, with the patient it is about (named already, whether or not their record is cached). */
export type QueuedThread = {
  threadId: string;
  recipients: Party[];
  patient?: { id: string; name: string } | null;
} | null;

/** What a cancelled send leaves for the main thread to clean up: its practice and its staged files' ids. */
export interface CancelledSend {
  practiceId: string;
  stagedIds: string[];
}

export class UserActions {
  private readonly cachedAttachments: AttachmentStore;
  constructor(private readonly s: UserActionStores) {
    this.cachedAttachments = new AttachmentStore(s.db);
  }

  /** Stores the message with a local id and its send in the outbox; returns the local id. */
  queueMessage(me: Party, practiceId: string, compose: QueuedCompose, thread: QueuedThread): string {
    return this.s.db.transaction(() => this.insertQueued(me, practiceId, compose, thread))();
  }

  private insertQueued(me: Party, practiceId: string, compose: QueuedCompose, thread: QueuedThread): string {
    const clientId = randomUUID();
    const id = localMessageId(clientId);
    const attachments = (compose.attachments ?? []).map((a) => this.describeAttachment(practiceId, a));
    const message: Message = {
      id,
      practiceId,
      threadId: thread?.threadId ?? id,
      clientId,
      source: 'staff',
      sender: me,
      recipients: thread?.recipients ?? compose.to.map((uid) => this.staffParty(practiceId, uid)),
      subject: compose.subject,
      body: compose.body,
      sentAt: new Date().toISOString(),
      inReplyTo: compose.inReplyTo ?? null,
      patient: compose.patientId
        ? { id: compose.patientId, name: this.patientName(practiceId, compose.patientId, thread?.patient) }
        : null,
      encounter: compose.encounterId
        ? { id: compose.encounterId, date: this.encounterDate(practiceId, compose.encounterId) }
        : null,
      document: compose.documentId ? { id: compose.documentId, title: '' } : null,
      attachments,
      priority: compose.priority ?? 'normal',
    };
    // A forwarded file is already on the server: it is sent by its id, as if uploaded.
    const forwarded = (compose.attachments ?? []).filter((a) => a.kind === 'file' && a.fromMessageId);
    const payload: SendPayload = {
      request: {
        clientId,
        to: compose.to,
        subject: compose.subject,
        body: compose.body,
        ...(compose.patientId ? { patientId: compose.patientId } : {}),
        ...(compose.encounterId ? { encounterId: compose.encounterId } : {}),
        ...(compose.documentId ? { documentId: compose.documentId } : {}),
        ...(compose.attachments?.length
          ? { attachments: compose.attachments.map(({ kind, id }) => ({ kind, id })) }
          : {}),
        ...(compose.inReplyTo ? { inReplyTo: compose.inReplyTo } : {}),
        ...(compose.priority === 'urgent' ? { priority: compose.priority } : {}),
        ...(compose.takeOver ? { takeOver: true } : {}),
      },
      uploaded: Object.fromEntries(forwarded.map((a) => [a.id, a.id])),
    };
    this.s.messages.insertLocal(message);
    this.s.outbox.add({ kind: 'send', practiceId, target: id, payload, description: describeSend(compose) });
    return id;
  }

  /**
   * Takes back a queued send, in one transaction: allowed only while the server cannot have it (not once
   * its post started: `posted`, written before each post in the same queue as this). Its outbox row, local
   * copy, the read/flag changes queued on it and its staged rows go. `messageId` must match: outbox ids are
   * reused once the newest row is gone.
   */
  cancelSend(itemId: number, messageId: string): CancelledSend {
    return this.s.db.transaction(() => {
      const item = this.s.outbox.get(itemId);
      if (!item || item.target !== messageId) {
        throw new DesktopCallError('not_found', 'That message is no longer in the outbox: it has been delivered.');
      }
      if (item.kind !== 'send') throw notFound('message waiting to be sent');
      const payload = SendPayload.parse(JSON.parse(item.payload));
      if (payload.posted) {
        throw new DesktopCallError(
          'too_late',
          'This message is already on its way to the practice server, so it can no longer be cancelled. It will be delivered.',
        );
      }
      const stagedIds = (payload.request.attachments ?? []).filter((a) => a.kind === 'file').map((a) => a.id);
      this.s.outbox.remove(itemId);
      this.s.outbox.removeStateChangesFor(messageId);
      this.s.messages.removeUnsent(messageId);
      for (const id of stagedIds) this.s.staged.remove(id);
      return { practiceId: item.practice_id, stagedIds };
    })();
  }

  /** Applies the patch locally and queues it; returns the message's practice. */
  queueState(messageId: string, patch: StatePatch): string {
    const row = this.s.messages.rowOf(messageId);
    if (!row) throw notFound('message');
    const payload: StatePayload = { patch };
    this.s.db.transaction(() => {
      this.s.messages.applyLocalPatch(row.rowid, patch);
      this.s.outbox.add({
        kind: 'state',
        practiceId: row.practiceId,
        target: messageId,
        payload,
        description: describePatch(patch, row.subject),
      });
    })();
    return row.practiceId;
  }

  queueSettings(practiceId: string, settings: PracticeSettings): void {
    this.s.db.transaction(() => {
      this.s.outbox.add({
        kind: 'settings',
        practiceId,
        target: null,
        payload: settings,
        description: 'Change practice settings',
      });
      this.s.practices.putSettings(practiceId, settings);
    })();
  }

  private describeAttachment(practiceId: string, ref: AttachmentArg): Attachment {
    if (ref.kind === 'file' && ref.fromMessageId) {
      const cached = this.cachedAttachments.file(ref.fromMessageId, ref.id);
      if (!cached)
        throw new DesktopCallError('unknown_attachment', 'That attachment is not in this app’s copy of the message.');
      return { id: ref.id, kind: 'file', ...cached };
    }
    if (ref.kind === 'file') {
      const staged = this.s.staged.get(ref.id);
      if (!staged)
        throw new DesktopCallError('unknown_file', 'An attached file is no longer available; attach it again.');
      return { kind: 'file', ...staged };
    }
    // Named as the server will name it where the record is cached; the server's copy replaces this one.
    const date = ref.kind === 'encounter' ? this.encounterDate(practiceId, ref.id) : '';
    const name = ref.kind === 'encounter' ? date && `Encounter ${date}` : this.recordName(practiceId, ref.id);
    return { id: `${ref.kind}-${ref.id}`, kind: ref.kind, refId: ref.id, name };
  }

  private staffParty(practiceId: string, userId: string): Party {
    const user = this.s.practices.listStaff(practiceId, undefined).find((u) => u.id === userId);
    return { kind: 'staff', id: userId, name: user?.name ?? '' };
  }

  /** The patient's name for the local copy: known from the thread, else from their cached record. */
  private patientName(practiceId: string, id: string, known: { id: string; name: string } | null | undefined): string {
    return known?.id === id && known.name ? known.name : this.recordName(practiceId, id);
  }

  /** The encounter's date for the local copy, when its record was opened on this computer (else unknown). */
  private encounterDate(practiceId: string, id: string): string {
    return this.s.records.get<{ date: string }>(practiceId, 'encounter', id)?.date ?? '';
  }

  private recordName(practiceId: string, id: string): string {
    const patient = this.s.records.get<{ name: string }>(practiceId, 'patient', id);
    return patient?.name ?? '';
  }
}

// Outbox descriptions name the message (shown to the signed-in user in the Outbox, never logged).
const quoted = (subject: string) => `“${subject.length > 60 ? `${subject.slice(0, 57)}...` : subject}”`;

function describeSend(compose: { subject: string; inReplyTo?: string }): string {
  if (compose.inReplyTo) return `Reply to ${quoted(compose.subject.replace(/^re:\s*/i, ''))}`;
  return `New message ${quoted(compose.subject)}`;
}

function describePatch(patch: StatePatch, subject: string): string {
  const parts: string[] = [];
  if (patch.read !== undefined) parts.push(patch.read ? 'mark read' : 'mark unread');
  if (patch.flagged !== undefined) parts.push(patch.flagged ? 'add to To Do' : 'remove from To Do');
  if (patch.archived !== undefined) parts.push(patch.archived ? 'archive' : 'move to inbox');
  const text = parts.join(', ') || 'update message';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}: ${quoted(subject)}`;
}
