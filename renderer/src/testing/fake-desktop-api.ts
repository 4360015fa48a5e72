// An in-memory DesktopApi for component tests and the dev story page: demo practices and messages,
// offline/outbox behaviour, drafts, lock, and a way to emit host events.
import {
  DEFAULT_WORKFLOW_PREFERENCES,
  type DesktopApi,
  type DesktopEventName,
  type DesktopEventPayload,
  type Draft,
  type ManagedPolicy,
  type OutboxItem,
  type PracticeSettings,
  type Preferences,
  type SessionInfo,
  type SyncStatus,
} from '../../../common/desktop/index.js';
import type { Message } from '../lib/types.js';
import { DesktopCallError } from '../api/web-socket-client.js';
import { storedInFolder, toRow, unreadCounts, type Stored } from './fake-mailbox.js';
import { fakeRecordMethods, resolveAttachments } from './fake-records.js';
import { bulkMessages, demoMessages, DEMO_PASSWORD, ME, PATIENTS, PRACTICES, STAFF } from './demo-data.js';
import { extraPortalSeeds } from './demo-workflow-data.js';
import { createFakeWorkflow } from './fake-workflow.js';

export interface FakeOptions {
  signedIn?: boolean;
  /** Whether the (fake) practice server can send email alerts; default true. */
  emailAlerts?: boolean;
  /** Extra synthetic inbox messages in the first practice (story page: 100,000). */
  bulkCount?: number;
  defaultServerUrl?: string | null;
  /** What an administrator fixed on this computer (default: nothing). */
  managedPolicy?: ManagedPolicy;
  /** Which host the fake says it is (default: the browser host). */
  host?: 'electron' | 'web';
  /** A busier Patient Portal queue: a thread Dr. Lee owns and a closed one, beside the unassigned one. */
  portalQueue?: boolean;
}

type Call = { method: string; args: unknown };

export type FakeDesktopApi = DesktopApi & {
  emit<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void;
  setOffline(offline: boolean): void;
  /** Every call made, in order, for assertions. */
  calls: Call[];
  messages: Map<string, Stored>;
  drafts: Map<string, Draft | null>;
  settings: Map<string, PracticeSettings>;
  preferences: Preferences;
  outbox: OutboxItem[];
};

const ok = { ok: true as const };

export function createFakeDesktopApi(options: FakeOptions = {}): FakeDesktopApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: Call[] = [];
  const messages = new Map<string, Stored>();
  const extra = options.portalQueue ? extraPortalSeeds() : { seeds: [], threads: [] };
  for (const s of [...demoMessages(), ...extra.seeds, ...bulkMessages(options.bulkCount ?? 0)]) {
    messages.set(s.message.id, { ...s, delivery: 'delivered', deliveryError: null });
  }
  let sorted: Stored[] | null = null;
  const byTime = () =>
    (sorted ??= [...messages.values()].sort(
      (a, b) => b.message.sentAt.localeCompare(a.message.sentAt) || b.message.id.localeCompare(a.message.id),
    ));
  const drafts = new Map<string, Draft | null>();
  const staged = new Map<string, { name: string; mimeType: string; size: number }>();
  const settings = new Map<string, PracticeSettings>(
    PRACTICES.map((p) => [p.id, { portalMessagesInInbox: true, emailNotifications: false }]),
  );
  const preferences: Preferences = {
    notificationPrivacy: 'sender',
    idleLockMinutes: 10,
    startAtLogin: false,
    closeToTray: true,
    lastPracticeId: null,
    ...DEFAULT_WORKFLOW_PREFERENCES,
  };
  const outbox: OutboxItem[] = [];
  let signedIn = options.signedIn ?? true;
  let sync: SyncStatus = {
    state: 'online',
    syncedMessages: messages.size,
    initialSyncDone: true,
    lastError: null,
    pendingOutbox: 0,
  };
  let nextId = 1;

  const emit = <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => {
    listeners.get(event)?.forEach((listener) => listener(payload));
  };
  const session = (): SessionInfo => ({
    signedIn,
    serverUrl: signedIn ? 'http://127.0.0.1:4010' : null,
    defaultServerUrl: options.defaultServerUrl ?? 'http://127.0.0.1:4010',
    user: signedIn ? ME : null,
    practices: signedIn ? PRACTICES.map((p) => ({ ...p })) : [],
  });
  const find = (id: string): Stored => {
    const found = messages.get(id);
    if (!found) throw new DesktopCallError('not_found', 'That message is not in this practice.');
    return found;
  };
  const portalShown = (practiceId: string) => settings.get(practiceId)?.portalMessagesInInbox ?? true;
  const inFolder = (s: Stored, practiceId: string, folder: string) =>
    storedInFolder(s, practiceId, folder, portalShown(practiceId));
  const counts = () =>
    unreadCounts(messages.values(), { portalShown, portalThreadCounts: (id) => workflow.portalThreadCounts(id) });
  const changed = (practiceId: string) => {
    emit('changed', { practiceIds: [practiceId] });
    emit('unreadCount', counts());
  };
  const publishOutbox = () => {
    sync = { ...sync, pendingOutbox: outbox.filter((i) => i.status === 'pending').length };
    emit('syncStatus', sync);
  };
  const queue = (kind: OutboxItem['kind'], description: string, target: string | null = null) => {
    if (sync.state !== 'offline') return;
    const id = nextId++;
    outbox.push({
      id,
      kind,
      description,
      status: 'pending',
      error: null,
      createdAt: new Date().toISOString(),
      messageId: target,
      cancellable: kind === 'send',
    });
    publishOutbox();
  };
  const addMessage = (message: Message) => {
    const delivery = sync.state === 'offline' ? 'pending' : 'delivered';
    messages.set(message.id, {
      message,
      state: { messageId: message.id, read: true, flagged: false, archived: false },
      delivery,
      deliveryError: null,
    });
    sorted = null;
    queue(
      'send',
      message.inReplyTo ? `Reply to “${message.subject.replace(/^Re: /, '')}”` : `New message “${message.subject}”`,
      message.id,
    );
    changed(message.practiceId);
    return { messageId: message.id };
  };
  const workflow = createFakeWorkflow({
    messages,
    offline: () => sync.state === 'offline',
    queue,
    changed,
    extraThreads: extra.threads,
  });
  const forwarded = (messageId: string, attachmentId: string) =>
    messages.get(messageId)?.message.attachments.find((a) => a.id === attachmentId && a.kind === 'file');
  const api: DesktopApi = {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    getAppInfo: async () => ({ name: 'Practice Messenger', version: '0.1.0-fake', host: options.host ?? 'web' }),
    getSession: async () => session(),
    signIn: async ({ serverUrl, email, password }) => {
      if (serverUrl.includes('unreachable')) {
        throw new DesktopCallError('server_unreachable', `Could not reach the server at ${serverUrl}.`);
      }
      if (email !== ME.email || password !== DEMO_PASSWORD) {
        throw new DesktopCallError('invalid_credentials', 'Wrong email or password.');
      }
      signedIn = true;
      return session();
    },
    signOut: async () => {
      signedIn = false;
      return ok;
    },
    getSyncStatus: async () => sync,
    listMessages: async ({ practiceId, folder, cursor, limit }) => {
      const all = byTime().filter((s) => inFolder(s, practiceId, folder));
      const start = cursor ? Number(cursor) : 0;
      const end = start + (limit ?? 50);
      return { rows: all.slice(start, end).map(toRow), nextCursor: end < all.length ? String(end) : null };
    },
    getThread: async ({ messageId }) => {
      const threadId = find(messageId).message.threadId;
      const thread = [...messages.values()]
        .filter((s) => s.message.threadId === threadId)
        .sort((a, b) => a.message.sentAt.localeCompare(b.message.sentAt));
      return {
        messages: thread.map(({ message, state, delivery, deliveryError }) => ({
          message,
          state,
          delivery,
          deliveryError,
          receipts: workflow.receipts(message),
        })),
        ...workflow.threadExtras(threadId),
      };
    },
    searchMessages: async ({ practiceId, query, limit }) => {
      const q = query.toLowerCase();
      const hits = byTime()
        .filter((s) => s.message.practiceId === practiceId)
        .filter((s) => `${s.message.subject} ${s.message.body} ${s.message.sender.name}`.toLowerCase().includes(q))
        .slice(0, limit ?? 50);
      return { hits: hits.map((s) => ({ row: toRow(s), snippet: s.message.body.slice(0, 120) })) };
    },
    getUnreadCounts: async () => counts(),
    sendMessage: async (req) => {
      const staff = STAFF[req.practiceId] ?? [];
      const id = `m-new-${nextId++}`;
      const patient = req.patientId ? PATIENTS[req.practiceId]?.find((p) => p.id === req.patientId) : undefined;
      return addMessage({
        id,
        practiceId: req.practiceId,
        threadId: id,
        clientId: `c-${id}`,
        source: 'staff',
        sender: { kind: 'staff', id: ME.id, name: ME.name },
        recipients: req.to.map((uid) => ({
          kind: 'staff',
          id: uid,
          name: staff.find((u) => u.id === uid)?.name ?? uid,
        })),
        subject: req.subject,
        body: req.body,
        sentAt: new Date().toISOString(),
        inReplyTo: null,
        patient: patient ? { id: patient.id, name: patient.name } : null,
        encounter: req.encounterId ? { id: req.encounterId, date: '2026-11-20' } : null,
        document: req.documentId ? { id: req.documentId, title: 'Document' } : null,
        attachments: resolveAttachments(req.practiceId, req.attachments, staged, () => nextId++, forwarded),
        priority: req.priority ?? 'normal',
      });
    },
    reply: async ({ messageId, body, attachments, mode, takeOver, priority }) => {
      const original = find(messageId).message;
      workflow.reply(original, takeOver);
      const id = `m-new-${nextId++}`;
      const everyone = [original.sender, ...original.recipients].filter((p) => p.id !== ME.id);
      return addMessage({
        ...original,
        id,
        clientId: `c-${id}`,
        sender: { kind: 'staff', id: ME.id, name: ME.name },
        recipients: mode === 'all' || original.sender.id === ME.id ? everyone : [original.sender],
        priority: priority ?? 'normal',
        receipts: undefined,
        subject: original.subject.startsWith('Re: ') ? original.subject : `Re: ${original.subject}`,
        body,
        sentAt: new Date().toISOString(),
        inReplyTo: messageId,
        attachments: resolveAttachments(original.practiceId, attachments, staged, () => nextId++, forwarded),
      });
    },
    setMessageState: async ({ messageId, patch }) => {
      const s = find(messageId);
      workflow.checkPatch(patch);
      s.state = { ...s.state, ...patch };
      queue('state', `Update “${s.message.subject}”`, messageId);
      changed(s.message.practiceId);
      return ok;
    },
    stageFile: async ({ name, mimeType, base64 }) => {
      const id = `staged-${nextId++}`;
      const size = Math.floor((base64.length * 3) / 4);
      staged.set(id, { name, mimeType, size });
      return { id, name, size, mimeType };
    },
    getAttachmentContent: async ({ messageId, attachmentId }) => {
      const a = find(messageId).message.attachments.find((x) => x.id === attachmentId);
      if (!a || a.kind !== 'file') throw new DesktopCallError('not_found', 'That attachment is not available.');
      return { name: a.name, mimeType: a.mimeType, base64: btoa('Demo attachment content') };
    },
    ...fakeRecordMethods(),
    getPracticeSettings: async ({ practiceId }) =>
      settings.get(practiceId) ?? { portalMessagesInInbox: true, emailNotifications: false },
    savePracticeSettings: async ({ practiceId, settings: next }) => {
      settings.set(practiceId, next);
      changed(practiceId);
      return next;
    },
    getServerFeatures: async () => ({ emailAlerts: options.emailAlerts ?? true }),
    getPreferences: async () => ({ ...preferences }),
    savePreferences: async (patch) => {
      Object.assign(preferences, patch);
      return { ...preferences };
    },
    getOutbox: async () => ({ items: [...outbox] }),
    retryOutboxItem: async ({ id }) => {
      const item = outbox.find((x) => x.id === id);
      if (!item) throw new DesktopCallError('not_found', 'That item is no longer in the outbox.');
      item.status = 'pending';
      item.error = null;
      return ok;
    },
    cancelOutboxItem: async ({ id, messageId }) => {
      const at = outbox.findIndex((x) => x.id === id && x.messageId === messageId);
      const item = outbox[at];
      if (!item)
        throw new DesktopCallError('not_found', 'That item is no longer in the outbox: it has been delivered.');
      if (!item.cancellable) throw new DesktopCallError('too_late', 'This message can no longer be cancelled.');
      outbox.splice(at, 1);
      const target = messages.get(messageId);
      if (target) {
        messages.delete(target.message.id);
        sorted = null;
        changed(target.message.practiceId);
      }
      publishOutbox();
      return ok;
    },
    getDraft: async ({ practiceId }) => drafts.get(practiceId) ?? null,
    saveDraft: async ({ practiceId, draft }) => {
      drafts.set(practiceId, draft);
      return ok;
    },
    unlock: async ({ password }) => {
      const unlocked = password === DEMO_PASSWORD;
      if (unlocked) emit('locked', { locked: false });
      return { unlocked };
    },
    getManagedPolicy: async () => ({ ...options.managedPolicy }),
    reportActivity: async () => ok,
    ...workflow.methods,
  };

  // Record every call (for assertions) without touching each method.
  const recorded = api as unknown as Record<string, unknown>;
  for (const [name, fn] of Object.entries(api)) {
    if (name === 'on' || typeof fn !== 'function') continue;
    recorded[name] = (args: unknown) => {
      calls.push({ method: name, args });
      return (fn as (a: unknown) => Promise<unknown>)(args);
    };
  }

  return Object.assign(api, {
    emit,
    calls,
    messages,
    drafts,
    settings,
    preferences,
    outbox,
    setOffline(offline: boolean) {
      sync = { ...sync, state: offline ? 'offline' : 'online', lastError: offline ? 'Server unreachable' : null };
      emit('syncStatus', sync);
    },
  });
}
