// User actions written locally with their outbox row in one transaction, so the UI shows them at
// once, online or offline. Each message gets its clientId here, once, when first queued.
import { randomUUID } from 'node:crypto';
import type { ComposeRequest } from '../../../common/desktop/index.js';
import type { Attachment, Message, Party, PracticeSettings, StatePatch } from '../../../common/http/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import { localMessageId } from '../cache/message-writer.js';
import { EngineError, notFound } from '../errors.js';
import type { SendPayload, StatePayload } from './outbox-payloads.js';

interface StagedRow {
  id: string;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
}

export class LocalActions {
  constructor(
    private readonly cache: AccountCache,
    private readonly me: Party,
  ) {}

  queueMessage(
    practiceId: string,
    compose: Omit<ComposeRequest, 'practiceId'> & { inReplyTo?: string },
    /** A reply's thread, with the patient it is about (named already, whether or not their record is cached). */
    thread: { threadId: string; recipients: Party[]; patient?: { id: string; name: string } | null } | null,
  ): string {
    const clientId = randomUUID();
    const id = localMessageId(clientId);
    const attachments = (compose.attachments ?? []).map((a) => this.describeAttachment(practiceId, a));
    const message: Message = {
      id,
      practiceId,
      threadId: thread?.threadId ?? id,
      clientId,
      source: 'staff',
      sender: this.me,
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
    };
    const payload: SendPayload = {
      request: {
        clientId,
        to: compose.to,
        subject: compose.subject,
        body: compose.body,
        ...(compose.patientId ? { patientId: compose.patientId } : {}),
        ...(compose.encounterId ? { encounterId: compose.encounterId } : {}),
        ...(compose.documentId ? { documentId: compose.documentId } : {}),
        ...(compose.attachments?.length ? { attachments: compose.attachments } : {}),
        ...(compose.inReplyTo ? { inReplyTo: compose.inReplyTo } : {}),
      },
      uploaded: {},
    };
    this.cache.transaction(() => {
      this.cache.writer.insertLocal(message);
      this.cache.outbox.add({ kind: 'send', practiceId, target: id, payload, description: describeSend(compose) });
    });
    return id;
  }

  queueState(messageId: string, patch: StatePatch): void {
    const row = this.cache.db
      .prepare<[string], { rowid: number; practice_id: string; subject: string }>(
        'SELECT rowid, practice_id, subject FROM messages WHERE id = ?',
      )
      .get(messageId);
    if (!row) throw notFound('message');
    const payload: StatePayload = { patch };
    this.cache.transaction(() => {
      this.cache.writer.applyLocalPatch(row.rowid, patch);
      this.cache.outbox.add({
        kind: 'state',
        practiceId: row.practice_id,
        target: messageId,
        payload,
        description: describePatch(patch, row.subject),
      });
    });
  }

  queueSettings(practiceId: string, settings: PracticeSettings): void {
    this.cache.transaction(() => {
      this.cache.outbox.add({
        kind: 'settings',
        practiceId,
        target: null,
        payload: settings,
        description: 'Change practice settings',
      });
      this.cache.practices.putSettings(practiceId, settings);
    });
  }

  private describeAttachment(practiceId: string, ref: { kind: Attachment['kind']; id: string }): Attachment {
    if (ref.kind === 'file') {
      const staged = this.cache.db.prepare<[string], StagedRow>('SELECT * FROM staged_files WHERE id = ?').get(ref.id);
      if (!staged) throw new EngineError('unknown_file', 'An attached file is no longer available; attach it again.');
      return {
        id: staged.id,
        kind: 'file',
        name: staged.name,
        size: staged.size,
        mimeType: staged.mime_type,
        sha256: staged.sha256,
      };
    }
    // Named as the server will name it where the record is cached; the server's copy replaces this one.
    const date = ref.kind === 'encounter' ? this.encounterDate(practiceId, ref.id) : '';
    const name = ref.kind === 'encounter' ? date && `Encounter ${date}` : this.recordName(practiceId, ref.id);
    return { id: `${ref.kind}-${ref.id}`, kind: ref.kind, refId: ref.id, name };
  }

  private staffParty(practiceId: string, userId: string): Party {
    const user = this.cache.practices.listStaff(practiceId, undefined).find((u) => u.id === userId);
    return { kind: 'staff', id: userId, name: user?.name ?? '' };
  }

  /** The patient's name for the local copy: known from the thread, else from their cached record. */
  private patientName(practiceId: string, id: string, known: { id: string; name: string } | null | undefined): string {
    return known?.id === id && known.name ? known.name : this.recordName(practiceId, id);
  }

  /** The encounter's date for the local copy, when its record was opened on this computer (else unknown). */
  private encounterDate(practiceId: string, id: string): string {
    return this.cache.records.get<{ date: string }>(practiceId, 'encounter', id)?.date ?? '';
  }

  private recordName(practiceId: string, id: string): string {
    const patient = this.cache.records.get<{ name: string }>(practiceId, 'patient', id);
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
