// Desktop API methods of the team workflow: the portal queue (claim, assign, release, close), mute and
// quick-text templates. Each works offline (queued in the outbox, shown at once); a portal action made
// online is sent at once instead, so a claim race is answered while the user is looking.
import type { DesktopHandlers, PortalThreadView, WorkflowMethodName } from '../../../common/desktop/index.js';
import { DesktopCallError, notFound } from '../errors.js';
import type { PortalPayload } from '../outbox/workflow-payloads.js';
import type { AccountSession } from '../session/account-session.js';
import { isRetryable } from '../sync/server-client.js';
import { WorkflowClient } from '../sync/workflow-client.js';
import { auditHandlers } from './audit-handlers.js';
import type { HandlerContext } from './handler-context.js';
import { refuseIfOwnedByOther } from './workflow-rules.js';

type WorkflowHandlers = Pick<DesktopHandlers, WorkflowMethodName>;

export function workflowHandlers(ctx: HandlerContext): WorkflowHandlers {
  const session = () => ctx.accounts.session;
  const checkPractice = (s: AccountSession, practiceId: string) => {
    if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
  };
  const portalThread = (s: AccountSession, practiceId: string, threadId: string) => {
    checkPractice(s, practiceId);
    const thread = s.cache.reader.workflow.portalThread(threadId);
    if (!thread || thread.practiceId !== practiceId) throw notFound('Patient Portal conversation');
    return thread;
  };

  /** Online and nothing queued for the thread: sent now. Otherwise (or when the network fails): queued. */
  const act = async (s: AccountSession, thread: PortalThreadView, payload: PortalPayload, what: string) => {
    const { practiceId, threadId } = thread;
    const { workflow } = s.cache.reader;
    if (ctx.status.current.state === 'online' && !workflow.portalActionPending(threadId)) {
      const body =
        payload.action === 'claim' && payload.takeOver
          ? { takeOver: true }
          : payload.action === 'assign'
            ? { userId: payload.userId }
            : {};
      try {
        const answer = await new WorkflowClient(s.client).portalAction(practiceId, threadId, payload.action, body);
        await s.cache.writer.putPortalThread(answer.thread);
        s.localChange([practiceId]);
        return workflow.portalThread(threadId) ?? thread;
      } catch (error) {
        if (!isRetryable(error)) throw error;
      }
    }
    await s.cache.writer.queuePortalAction(practiceId, threadId, payload, `${what} the Patient Portal conversation`);
    s.localChange([practiceId], true);
    return workflow.portalThread(threadId) ?? thread;
  };

  return {
    listPortalThreads: async ({ practiceId, filter }) => {
      const s = session();
      checkPractice(s, practiceId);
      return { threads: s.cache.reader.workflow.portalThreads(practiceId, filter) };
    },
    claimPortalThread: async ({ practiceId, threadId, takeOver }) => {
      const s = session();
      const thread = portalThread(s, practiceId, threadId);
      if (!takeOver) refuseIfOwnedByOther(s, threadId);
      return act(s, thread, { action: 'claim', takeOver: takeOver === true }, 'Claim');
    },
    assignPortalThread: async ({ practiceId, threadId, userId }) => {
      const s = session();
      const thread = portalThread(s, practiceId, threadId);
      const user = s.cache.reader.listStaff(practiceId, undefined).find((u) => u.id === userId);
      if (!user) throw new DesktopCallError('unknown_recipient', 'That person is not on this practice’s staff list.');
      return act(s, thread, { action: 'assign', userId, userName: user.name }, 'Assign');
    },
    releasePortalThread: async ({ practiceId, threadId }) => {
      const s = session();
      return act(s, portalThread(s, practiceId, threadId), { action: 'release' }, 'Release');
    },
    closePortalThread: async ({ practiceId, threadId }) => {
      const s = session();
      return act(s, portalThread(s, practiceId, threadId), { action: 'close' }, 'Close');
    },
    setThreadMuted: async ({ practiceId, threadId, muted }) => {
      const s = session();
      checkPractice(s, practiceId);
      const root = s.cache.reader.thread(threadId);
      if (!root || root[0]?.message.practiceId !== practiceId) throw notFound('conversation');
      await s.cache.writer.queueThreadMuted(practiceId, threadId, muted);
      s.localChange([practiceId], true);
      return { threadId, muted };
    },
    listTemplates: async ({ practiceId }) => {
      const s = session();
      checkPractice(s, practiceId);
      return { templates: s.cache.reader.workflow.templates(practiceId) };
    },
    saveTemplate: async ({ practiceId, templateId, template }) => {
      const s = session();
      checkPractice(s, practiceId);
      const saved = await s.cache.writer.queueTemplateSave(practiceId, templateId ?? null, template);
      s.localChange([practiceId], true);
      return s.cache.reader.workflow.template(saved.id)?.template ?? { ...saved, pending: true };
    },
    deleteTemplate: async ({ practiceId, templateId }) => {
      const s = session();
      checkPractice(s, practiceId);
      await s.cache.writer.queueTemplateDelete(practiceId, templateId);
      s.localChange([practiceId], true);
      return { ok: true as const };
    },
    ...auditHandlers(ctx),
  };
}
