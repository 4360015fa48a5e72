// User actions written with their outbox row in one transaction (in the writer thread), so the UI
// shows them at once, online or offline. Each message gets its clientId here, once, when first queued.
import { randomUUID } from 'node:crypto';
import type { ComposeRequest } from '../../../../common/desktop/index.js';
import type { Attachment, Message, Party, PracticeSettings, StatePatch } from '../../../../common/http/index.js';
import { AttachmentStore } from '../attachment-store.js';
import { DesktopCallError, notFound } from '../../errors.js';
import type { SendPayload, StatePayload } from '../../outbox/outbox-payloads.js';
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
export type QueuedThread = { threadId: string; recipients: Party[] } | null;

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
        ? { id: compose.patientId, name: this.recordName(practiceId, compose.patientId) }
        : null,
      encounter: compose.encounterId ? { id: compose.encounterId, date: '' } : null,
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
        description: describePatch(patch),
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
    return { id: `${ref.kind}-${ref.id}`, kind: ref.kind, refId: ref.id, name: this.recordName(practiceId, ref.id) };
  }

  private staffParty(practiceId: string, userId: string): Party {
    const user = this.s.practices.listStaff(practiceId, undefined).find((u) => u.id === userId);
    return { kind: 'staff', id: userId, name: user?.name ?? '' };
  }

  private recordName(practiceId: string, id: string): string {
    const patient = this.s.records.get<{ name: string }>(practiceId, 'patient', id);
    return patient?.name ?? '';
  }
}

function describeSend(compose: { subject: string; inReplyTo?: string }): string {
  const subject = compose.subject.length > 60 ? `${compose.subject.slice(0, 57)}...` : compose.subject;
  return `${compose.inReplyTo ? 'Reply' : 'Message'}: ${subject}`;
}

function describePatch(patch: StatePatch): string {
  const parts: string[] = [];
  if (patch.read !== undefined) parts.push(patch.read ? 'mark read' : 'mark unread');
  if (patch.flagged !== undefined) parts.push(patch.flagged ? 'add to To Do' : 'remove from To Do');
  if (patch.archived !== undefined) parts.push(patch.archived ? 'archive' : 'move to inbox');
  const text = parts.join(', ') || 'update message';
  return text.charAt(0).toUpperCase() + text.slice(1);
}
