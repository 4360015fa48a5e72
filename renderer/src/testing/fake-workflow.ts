// The fake API's team workflow: the portal queue (claim, assign, release, close), mute, quick-text
// templates, receipts with names, snooze checks and the audit trail, over the fake mailbox.
import type {
  AuditEvent,
  AuditFilter,
  DesktopApi,
  OutboxItem,
  PortalThreadView,
  ReceiptView,
  WorkflowMethodName,
} from '../../../common/desktop/index.js';
import { DesktopCallError } from '../api/web-socket-client.js';
import type { Message, StatePatch } from '../lib/types.js';
import { ME, PRACTICES, STAFF } from './demo-data.js';
import { demoAuditEvents, demoPortalThreads, demoTemplates } from './demo-workflow-data.js';
import type { Stored } from './fake-mailbox.js';

export interface WorkflowDeps {
  messages: Map<string, Stored>;
  offline(): boolean;
  queue(kind: OutboxItem['kind'], description: string): void;
  changed(practiceId: string): void;
  extraThreads: PortalThreadView[];
}

type WorkflowMethods = Pick<DesktopApi, WorkflowMethodName>;

const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const ok = { ok: true as const };

/** Oldest waiting first; threads nobody waits on after them, oldest activity first. */
const byWaiting = (a: PortalThreadView, b: PortalThreadView) =>
  (a.waitingSince ?? '~').localeCompare(b.waitingSince ?? '~') || a.lastMessageAt.localeCompare(b.lastMessageAt);

export function createFakeWorkflow(deps: WorkflowDeps) {
  const threads = new Map([...demoPortalThreads(), ...deps.extraThreads].map((t) => [t.threadId, t]));
  const muted = new Set<string>();
  const templates = demoTemplates();
  const audit = demoAuditEvents();
  let nextTemplate = 1;

  const thread = (practiceId: string, threadId: string) => {
    const found = threads.get(threadId);
    if (!found || found.practiceId !== practiceId) {
      throw new DesktopCallError('not_found', 'That Patient Portal conversation was not found.');
    }
    return found;
  };
  const update = (t: PortalThreadView, patch: Partial<PortalThreadView>, what: string) => {
    Object.assign(t, patch, { pending: deps.offline(), problem: null });
    deps.queue('portalThread', `${what} the Patient Portal conversation with ${t.patient.name}`);
    deps.changed(t.practiceId);
    return { ...t };
  };
  const staff = (practiceId: string, userId: string) => {
    const user = STAFF[practiceId]?.find((u) => u.id === userId);
    if (!user) throw new DesktopCallError('unknown_recipient', 'That person is not on this practice’s staff list.');
    return { id: user.id, name: user.name };
  };
  const admin = (practiceId: string) => {
    if (deps.offline()) {
      throw new DesktopCallError('offline', 'The audit trail is kept on the practice server. Connect to see it.');
    }
    if (PRACTICES.find((p) => p.id === practiceId)?.role !== 'admin') {
      throw new DesktopCallError('forbidden', 'Only a practice admin can see the audit trail.');
    }
  };
  const matching = (f: AuditFilter) =>
    audit.filter(
      (e) =>
        e.practiceId === f.practiceId &&
        (!f.userId || e.actor?.id === f.userId) &&
        (!f.patientId || e.patientId === f.patientId) &&
        (!f.messageId || e.messageId === f.messageId) &&
        (!f.action || e.action === f.action) &&
        (!f.from || e.at >= f.from) &&
        (!f.to || e.at < f.to),
    );

  const methods: WorkflowMethods = {
    listPortalThreads: async ({ practiceId, filter }) => {
      const mine = (t: PortalThreadView) => t.owner?.id === ME.id;
      const keep: Record<typeof filter, (t: PortalThreadView) => boolean> = {
        unassigned: (t) => t.status === 'open' && !t.owner,
        mine: (t) => t.status === 'open' && mine(t),
        open: (t) => t.status === 'open',
        closed: (t) => t.status === 'closed',
      };
      const list = [...threads.values()].filter((t) => t.practiceId === practiceId && keep[filter](t));
      return { threads: list.sort(byWaiting).map((t) => ({ ...t })) };
    },
    claimPortalThread: async ({ practiceId, threadId, takeOver }) => {
      const t = thread(practiceId, threadId);
      if (t.owner && t.owner.id !== ME.id && !takeOver) {
        throw new DesktopCallError('already_claimed', `${t.owner.name} is already answering this patient.`);
      }
      return update(t, { owner: { id: ME.id, name: ME.name } }, 'Claim');
    },
    assignPortalThread: async ({ practiceId, threadId, userId }) =>
      update(thread(practiceId, threadId), { owner: staff(practiceId, userId) }, 'Assign'),
    releasePortalThread: async ({ practiceId, threadId }) =>
      update(thread(practiceId, threadId), { owner: null }, 'Release'),
    closePortalThread: async ({ practiceId, threadId }) =>
      update(thread(practiceId, threadId), { status: 'closed' }, 'Close'),
    setThreadMuted: async ({ practiceId, threadId, muted: mute }) => {
      if (![...deps.messages.values()].some((s) => s.message.threadId === threadId)) {
        throw new DesktopCallError('not_found', 'That conversation was not found.');
      }
      if (mute) muted.add(threadId);
      else muted.delete(threadId);
      deps.queue('threadState', mute ? 'Mute a conversation' : 'Unmute a conversation');
      deps.changed(practiceId);
      return { threadId, muted: mute };
    },
    listTemplates: async () => ({
      templates: [...templates.values()].sort((a, b) => a.title.localeCompare(b.title)),
    }),
    saveTemplate: async ({ practiceId, templateId, template }) => {
      if (templateId && !templates.has(templateId)) {
        throw new DesktopCallError('not_found', 'That template was not found.');
      }
      const id = templateId ?? `tpl-new-${nextTemplate++}`;
      const saved = { ...template, id, updatedAt: new Date().toISOString(), pending: deps.offline() };
      templates.set(id, saved);
      deps.queue('template', `Save the template “${template.title}”`);
      deps.changed(practiceId);
      return saved;
    },
    deleteTemplate: async ({ practiceId, templateId }) => {
      const found = templates.get(templateId);
      if (!found) throw new DesktopCallError('not_found', 'That template was not found.');
      templates.delete(templateId);
      deps.queue('template', `Delete the template “${found.title}”`);
      deps.changed(practiceId);
      return ok;
    },
    listAuditEvents: async ({ after, limit, ...filter }) => {
      admin(filter.practiceId);
      const all = matching(filter);
      const start = after ? Number(after) : 0;
      const end = start + (limit ?? 100);
      return { events: all.slice(start, end), cursor: String(Math.min(end, all.length)), more: end < all.length };
    },
    exportAuditCsv: async (filter) => {
      admin(filter.practiceId);
      const csv = ['at,action,actor,messageId,patientId', ...matching(filter).map(csvLine)].join('\n');
      return { name: 'audit.csv', mimeType: 'text/csv', base64: btoa(csv) };
    },
  };

  return {
    methods,
    /** What getThread adds to a thread: mute and, for a portal thread, its place in the queue. */
    threadExtras: (threadId: string) => ({
      muted: muted.has(threadId),
      portal: threads.has(threadId) ? { ...threads.get(threadId)! } : null,
    }),
    /** Receipts with names, on the user's own messages only. */
    receipts: (m: Message): ReceiptView[] | undefined =>
      m.sender.id === ME.id && m.receipts
        ? m.receipts.map((r) => ({
            ...r,
            name: STAFF[m.practiceId]?.find((u) => u.id === r.userId)?.name ?? 'Someone',
          }))
        : undefined,
    /** A reply to a portal thread someone else owns needs takeOver; an unowned one becomes the replier's. */
    reply(original: Message, takeOver: boolean | undefined) {
      const t = threads.get(original.threadId);
      if (!t) return;
      if (t.owner && t.owner.id !== ME.id && !takeOver) {
        throw new DesktopCallError('already_claimed', `${t.owner.name} is already answering this patient.`);
      }
      Object.assign(t, { owner: { id: ME.id, name: ME.name }, waitingSince: null, status: 'open' });
    },
    portalThreadCounts: (threadId: string) => {
      const owner = threads.get(threadId)?.owner;
      return !owner || owner.id === ME.id;
    },
    /** Snooze must end in the future and within a year. */
    checkPatch(patch: StatePatch) {
      if (!patch.snoozedUntil) return;
      const until = Date.parse(patch.snoozedUntil) - Date.now();
      if (until <= 0 || until > YEAR_MS) {
        throw new DesktopCallError('invalid_arguments', 'Snooze until a time later today or within a year.');
      }
    },
  };
}

const csvLine = (e: AuditEvent) =>
  [e.at, e.action, e.actor?.name ?? '', e.messageId ?? '', e.patientId ?? ''].map((v) => `"${v}"`).join(',');
