// Desktop API methods over messages: folder pages, threads, search, counts, sending and state.
import type { DesktopHandlers } from '../../../common/desktop/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../../common/limits.js';
import { EngineError, notFound } from '../errors.js';
import { cancelPendingSend } from '../outbox/cancel-send.js';
import type { AccountSession } from '../session/account-session.js';
import type { HandlerContext } from './handler-context.js';

type MessageHandlers = Pick<
  DesktopHandlers,
  | 'listMessages'
  | 'getThread'
  | 'searchMessages'
  | 'getUnreadCounts'
  | 'sendMessage'
  | 'reply'
  | 'setMessageState'
  | 'stageFile'
  | 'getOutbox'
  | 'retryOutboxItem'
  | 'cancelOutboxItem'
>;

export function messageHandlers(ctx: HandlerContext): MessageHandlers {
  const session = () => ctx.accounts.session;
  const practiceOf = (s: AccountSession, practiceId: string) => {
    if (!s.cache.practices.practices().some((p) => p.id === practiceId)) throw notFound('practice');
    return practiceId;
  };
  return {
    listMessages: async ({ practiceId, folder, cursor, limit }) => {
      const s = session();
      return s.cache.queries.listFolder(practiceOf(s, practiceId), folder, cursor ?? null, limit ?? 50);
    },
    getThread: async ({ messageId }) => {
      const s = session();
      const messages = s.cache.queries.thread(resolveMessageId(s, messageId));
      if (!messages) throw notFound('message');
      return { messages };
    },
    searchMessages: async ({ practiceId, query, limit }) => {
      const s = session();
      return { hits: s.cache.queries.search(practiceOf(s, practiceId), query, limit ?? 50) };
    },
    getUnreadCounts: async () => {
      const s = session();
      return s.cache.queries.unreadCounts(s.cache.practices.practices().map((p) => p.id));
    },
    sendMessage: async ({ practiceId, ...compose }) => {
      const s = session();
      practiceOf(s, practiceId);
      const staff = s.cache.practices.listStaff(practiceId, undefined);
      if (staff.length > 0 && compose.to.some((id) => !staff.some((u) => u.id === id))) {
        throw new EngineError('unknown_recipient', 'A recipient is not on this practice’s staff list.');
      }
      const messageId = s.actions.queueMessage(practiceId, compose, null);
      await s.deliverNewMessage([practiceId]);
      return { messageId };
    },
    reply: async ({ messageId, body, attachments }) => {
      const s = session();
      const id = resolveMessageId(s, messageId);
      const thread = s.cache.queries.thread(id) ?? [];
      const original = thread.find((v) => v.message.id === id)?.message;
      if (!original) throw notFound('message');
      if (original.id.startsWith('local-')) {
        throw new EngineError('not_delivered_yet', 'Wait until that message is sent before replying to it.');
      }
      // A patient is reached only by answering their portal message (the server addresses it).
      const patientFacing = original.source === 'portal' || original.recipients.some((r) => r.kind === 'patient');
      const target = patientFacing
        ? ([...thread].reverse().find((v) => v.message.source === 'portal')?.message ?? original)
        : original;
      const mine = target.sender.kind === 'staff' && target.sender.id === s.cache.userId;
      const recipients = patientFacing ? [target.sender] : mine ? target.recipients : [target.sender];
      const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
      const newId = s.actions.queueMessage(
        original.practiceId,
        {
          to: patientFacing ? [] : recipients.map((r) => r.id),
          subject: subject.slice(0, 255),
          body,
          attachments,
          inReplyTo: target.id,
          ...(original.patient ? { patientId: original.patient.id } : {}),
        },
        { threadId: original.threadId, recipients, patient: original.patient },
      );
      await s.deliverNewMessage([original.practiceId]);
      return { messageId: newId };
    },
    setMessageState: async ({ messageId, patch }) => {
      const s = session();
      if (Object.keys(patch).length === 0) throw new EngineError('invalid_arguments', 'Nothing to change.');
      const id = resolveMessageId(s, messageId);
      s.actions.queueState(id, patch);
      const practiceId = s.cache.db
        .prepare<[string], { practice_id: string }>('SELECT practice_id FROM messages WHERE id = ?')
        .get(id)?.practice_id;
      s.localChange(practiceId ? [practiceId] : [], true);
      return { ok: true as const };
    },
    stageFile: async ({ name, mimeType, base64 }) => {
      const s = session();
      // Refuse before decoding: base64 of more than 10 MiB is longer than this.
      if (base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) throw tooLarge();
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
        throw new EngineError('invalid_arguments', 'The file data was not valid base64.');
      }
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
      const staged = s.files.stage(bytes);
      const type = mimeType || 'application/octet-stream';
      s.cache.db
        .prepare('INSERT INTO staged_files (id, name, mime_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(staged.id, name, type, bytes.length, staged.sha256, new Date().toISOString());
      return { id: staged.id, name, size: bytes.length, mimeType: type };
    },
    getOutbox: async () => ({ items: session().cache.outbox.list() }),
    retryOutboxItem: async ({ id }) => {
      if (!session().flusher.retry(id)) throw notFound('outbox item');
      return { ok: true as const };
    },
    cancelOutboxItem: async ({ id, messageId }) => {
      const s = session();
      const practiceId = cancelPendingSend(
        { cache: s.cache, files: s.files, isPosting: (i) => s.flusher.isPosting(i) },
        id,
        messageId,
      );
      s.localChange([practiceId]);
      return { ok: true as const };
    },
  };
}

const tooLarge = () =>
  new EngineError('attachment_too_large', 'That file is larger than 10 MiB; attach a smaller file.');

/** A local id whose message has since been delivered maps to the server's id. */
function resolveMessageId(s: AccountSession, messageId: string): string {
  if (!messageId.startsWith('local-')) return messageId;
  const row = s.cache.db
    .prepare<[string, string], { id: string }>(
      'SELECT id FROM messages WHERE client_id = ? AND outgoing = 1 ORDER BY id = ? LIMIT 1',
    )
    .get(messageId.slice('local-'.length), messageId);
  return row?.id ?? messageId;
}
