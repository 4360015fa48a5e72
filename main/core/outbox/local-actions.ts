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
    thread: { threadId: string; recipients: Party[] } | null,
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
        ? { id: compose.patientId, name: this.recordName(practiceId, compose.patientId) }
        : null,
      encounter: compose.encounterId ? { id: compose.encounterId, date: '' } : null,
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
      .prepare<[string], { rowid: number; practice_id: string }>('SELECT rowid, practice_id FROM messages WHERE id = ?')
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
        description: describePatch(patch),
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
    return { id: `${ref.kind}-${ref.id}`, kind: ref.kind, refId: ref.id, name: this.recordName(practiceId, ref.id) };
  }

  private staffParty(practiceId: string, userId: string): Party {
    const user = this.cache.practices.listStaff(practiceId, undefined).find((u) => u.id === userId);
    return { kind: 'staff', id: userId, name: user?.name ?? '' };
  }

  private recordName(practiceId: string, id: string): string {
    const patient = this.cache.records.get<{ name: string }>(practiceId, 'patient', id);
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
