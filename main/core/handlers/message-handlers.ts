// Desktop API methods over messages: folder pages, threads, search, counts, sending and state.
import type { DesktopHandlers } from '../../../common/desktop/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../../common/limits.js';
import { isOwn } from '../cache/message-columns.js';
import { isLocalMessageId } from '../cache/message-ids.js';
import { DesktopCallError, notFound } from '../errors.js';
import type { AccountSession } from '../session/account-session.js';
import type { HandlerContext } from './handler-context.js';
import { checkSnoozeTime, refuseIfOwnedByOther } from './workflow-rules.js';

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
    if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
    return practiceId;
  };
  return {
    listMessages: async ({ practiceId, folder, cursor, limit }) => {
      const s = session();
      return s.cache.reader.listFolder(practiceOf(s, practiceId), folder, cursor ?? null, limit ?? 50);
    },
    getThread: async ({ messageId }) => {
      const s = session();
      const messages = s.cache.reader.thread(resolveMessageId(s, messageId));
      const threadId = messages?.[0]?.message.threadId;
      if (!messages || !threadId) throw notFound('message');
      const { workflow } = s.cache.reader;
      return { messages, muted: workflow.threadMuted(threadId), portal: workflow.portalThread(threadId) };
    },
    searchMessages: async ({ practiceId, query, limit }) => {
      const s = session();
      return { hits: s.cache.reader.search(practiceOf(s, practiceId), query, limit ?? 50) };
    },
    getUnreadCounts: async () => {
      const s = session();
      return s.cache.reader.unreadCounts(s.cache.reader.practices().map((p) => p.id));
    },
    sendMessage: async ({ practiceId, ...compose }) => {
      const s = session();
      practiceOf(s, practiceId);
      const staff = s.cache.reader.listStaff(practiceId, undefined);
      if (staff.length > 0 && compose.to.some((id) => !staff.some((u) => u.id === id))) {
        throw new DesktopCallError('unknown_recipient', 'A recipient is not on this practice’s staff list.');
      }
      const messageId = await s.cache.writer.queueMessage(s.me, practiceId, compose, null);
      await s.deliverNewMessage([practiceId]);
      return { messageId };
    },
    reply: async ({ messageId, body, attachments, mode, takeOver, priority }) => {
      const s = session();
      const id = resolveMessageId(s, messageId);
      const thread = s.cache.reader.thread(id) ?? [];
      const original = thread.find((v) => v.message.id === id)?.message;
      if (!original) throw notFound('message');
      if (isLocalMessageId(original.id)) {
        throw new DesktopCallError('not_delivered_yet', 'Wait until that message is sent before replying to it.');
      }
      // A patient is reached only by answering their portal message (the server addresses it).
      const patientFacing = original.source === 'portal' || original.recipients.some((r) => r.kind === 'patient');
      const target = patientFacing
        ? ([...thread].reverse().find((v) => v.message.source === 'portal')?.message ?? original)
        : original;
      if (patientFacing && !takeOver) refuseIfOwnedByOther(s, original.threadId);
      const mine = isOwn(target, s.cache.userId);
      const everyone = [target.sender, ...target.recipients].filter(
        (p, i, all) => p.id !== s.cache.userId && all.findIndex((q) => q.id === p.id) === i,
      );
      const recipients = patientFacing
        ? [target.sender]
        : mode === 'all'
          ? everyone
          : mine
            ? target.recipients
            : [target.sender];
      const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
      const newId = await s.cache.writer.queueMessage(
        s.me,
        original.practiceId,
        {
          to: patientFacing ? [] : recipients.map((r) => r.id),
          subject: subject.slice(0, 255),
          body,
          attachments,
          inReplyTo: target.id,
          ...(original.patient ? { patientId: original.patient.id } : {}),
          ...(priority ? { priority } : {}),
          ...(takeOver ? { takeOver } : {}),
        },
        { threadId: original.threadId, recipients, patient: original.patient },
      );
      await s.deliverNewMessage([original.practiceId]);
      return { messageId: newId };
    },
    setMessageState: async ({ messageId, patch }) => {
      const s = session();
      if (Object.keys(patch).length === 0) throw new DesktopCallError('invalid_arguments', 'Nothing to change.');
      if (patch.snoozedUntil) checkSnoozeTime(patch.snoozedUntil);
      const id = resolveMessageId(s, messageId);
      const practiceId = await s.cache.writer.queueState(id, patch);
      s.localChange([practiceId], true);
      return { ok: true as const };
    },
    stageFile: async ({ name, mimeType, base64 }) => {
      const s = session();
      // Refuse before decoding: base64 of more than 10 MiB is longer than this.
      if (base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4) throw tooLarge();
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
        throw new DesktopCallError('invalid_arguments', 'The file data was not valid base64.');
      }
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
      const staged = s.files.stage(bytes);
      const type = mimeType || 'application/octet-stream';
      await s.cache.writer.stageFile({
        id: staged.id,
        name,
        mimeType: type,
        size: bytes.length,
        sha256: staged.sha256,
      });
      return { id: staged.id, name, size: bytes.length, mimeType: type };
    },
    getOutbox: async () => ({ items: session().cache.reader.outboxItems() }),
    retryOutboxItem: async ({ id }) => {
      if (!(await session().flusher.retry(id))) throw notFound('outbox item');
      return { ok: true as const };
    },
    cancelOutboxItem: async ({ id, messageId }) => {
      const s = session();
      const { practiceId, stagedIds } = await s.cache.writer.cancelSend(id, messageId);
      for (const stagedId of stagedIds) s.files.removeStaged(stagedId);
      s.localChange([practiceId]);
      return { ok: true as const };
    },
  };
}

const tooLarge = () =>
  new DesktopCallError('attachment_too_large', 'That file is larger than 10 MiB; attach a smaller file.');

/** A local id whose message has since been delivered maps to the server's id. */
function resolveMessageId(s: AccountSession, messageId: string): string {
  return s.cache.reader.deliveredIdOf(messageId) ?? messageId;
}
