// Team-workflow writes (run in the writer thread, each one transaction): the user's portal queue
// actions, mute and template changes with their outbox rows; what the server answered for them; and
// waking snoozes that are due.
import { randomUUID } from 'node:crypto';
import type { PortalThread, StatePatch, Template, TemplateBody, ThreadState } from '../../../../common/http/index.js';
import { notFound } from '../../errors.js';
import { TemplatePayload, type PortalPayload, type ThreadStatePayload } from '../../outbox/workflow-payloads.js';
import type { Db } from '../driver.js';
import { KeyValues } from '../kv.js';
import type { OutboxStore } from '../outbox-store.js';
import { PortalThreadStore } from '../portal-thread-store.js';
import { SnoozeStore } from '../snooze-store.js';
import { isLocalTemplateId, LOCAL_TEMPLATE_PREFIX, TemplateStore } from '../template-store.js';
import { ThreadStateStore } from '../thread-state-store.js';

/** kv key remembering the server id a template saved offline got, for a delete queued behind the save. */
export const templateIdKey = (localId: string) => `templateId:${localId}`;

export function createWorkflowOps(db: Db, outbox: OutboxStore) {
  const threads = new PortalThreadStore(db);
  const threadState = new ThreadStateStore(db);
  const templates = new TemplateStore(db);
  const snoozes = new SnoozeStore(db);
  const kv = new KeyValues(db);
  const tx =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R =>
      db.transaction(fn)(...args);

  /** The pending template items about `id`, with their payloads read back. */
  const pendingTemplateItems = (id: string) =>
    outbox
      .forTarget('template', id)
      .filter((i) => i.status === 'pending')
      .map((item) => ({ item, payload: TemplatePayload.parse(JSON.parse(item.payload)) }));

  const queueTemplate = (practiceId: string, target: string, payload: TemplatePayload, description: string) =>
    outbox.add({ kind: 'template', practiceId, target, payload, description });

  return {
    /** A claim, assign, release or close to send; the queue shows it at once (portal-thread-overlay.ts). */
    queuePortalAction: (practiceId: string, threadId: string, payload: PortalPayload, description: string) => {
      outbox.add({ kind: 'portalThread', practiceId, target: threadId, payload, description });
    },
    queueThreadMuted: (practiceId: string, threadId: string, muted: boolean) => {
      const payload: ThreadStatePayload = { muted };
      outbox.add({
        kind: 'threadState',
        practiceId,
        target: threadId,
        payload,
        description: muted ? 'Mute a conversation' : 'Unmute a conversation',
      });
    },

    /**
     * Saves a template here at once and queues it. A new one gets a local id; changing one whose create has
     * not been sent yet changes that create instead of queueing a second request.
     */
    queueTemplateSave: tx((practiceId: string, templateId: string | null, body: TemplateBody): Template => {
      const existing = templateId ? templates.get(templateId) : null;
      if (templateId && (!existing || existing.practiceId !== practiceId)) throw notFound('template');
      const id = templateId ?? `${LOCAL_TEMPLATE_PREFIX}${randomUUID()}`;
      const template: Template = { id, ...body, updatedAt: new Date().toISOString() };
      templates.put(practiceId, template);
      const unsentCreate = isLocalTemplateId(id)
        ? pendingTemplateItems(id).find(({ payload }) => payload.op === 'save')
        : undefined;
      const description = `Save the template “${body.title.slice(0, 60)}”`;
      if (unsentCreate?.payload.op === 'save') {
        outbox.updatePayload(unsentCreate.item.id, { ...unsentCreate.payload, template: body });
      } else {
        queueTemplate(practiceId, id, { op: 'save', template: body, attempted: false }, description);
      }
      return template;
    }),

    /** Removes a template here at once and queues the delete (a create never sent is simply dropped). */
    queueTemplateDelete: tx((practiceId: string, templateId: string): void => {
      const existing = templates.get(templateId);
      if (!existing || existing.practiceId !== practiceId) throw notFound('template');
      templates.remove(templateId);
      const items = pendingTemplateItems(templateId);
      const neverSent =
        isLocalTemplateId(templateId) && items.every(({ payload }) => payload.op !== 'save' || !payload.attempted);
      if (neverSent && items.length > 0) {
        for (const { item } of items) outbox.remove(item.id);
        return;
      }
      queueTemplate(practiceId, templateId, { op: 'delete' }, `Delete the template “${existing.template.title}”`);
    }),

    /** A create is about to be sent: if no answer comes back, the next try first looks for it on the server. */
    outboxTemplateAttempted: (itemId: number, payload: TemplatePayload) => outbox.updatePayload(itemId, payload),

    /** The server saved the template: the local copy (by its local id, if any) gives way to the server's. */
    outboxTemplateSaved: tx((itemId: number, practiceId: string, target: string, template: Template) => {
      outbox.remove(itemId);
      if (target !== template.id) {
        templates.remove(target);
        kv.set(templateIdKey(target), template.id);
        // Later items queued against the local id (a change, a delete) now go to the server's id.
        for (const item of outbox.forTarget('template', target)) outbox.retarget(item.id, template.id);
      }
      templates.put(practiceId, template);
    }),

    /** The delete went through (or the template was already gone). */
    outboxDone: (itemId: number) => outbox.remove(itemId),

    outboxPortalApplied: tx((itemId: number, thread: PortalThread) => {
      outbox.remove(itemId);
      threads.put(thread);
    }),
    outboxThreadStateApplied: tx((itemId: number, practiceId: string, state: ThreadState) => {
      outbox.remove(itemId);
      threadState.put(practiceId, state);
    }),

    /** What an action done online answered (no outbox row). */
    putPortalThread: (thread: PortalThread) => threads.put(thread),
    putPortalThreads: tx((list: PortalThread[]) => {
      for (const thread of list) threads.put(thread);
    }),
    putTemplates: tx((practiceId: string, list: Template[]) => {
      for (const template of list) templates.put(practiceId, template);
    }),

    /** Brings back, unread, every snoozed message due at `nowIso`; returns their ids (they notify again). */
    wakeSnoozes: tx((nowIso: string): string[] => snoozes.wakeDue(nowIso)),

    /** A snooze patch whose time passed while it waited to be sent: the rest of it, or nothing. */
    dropPastSnooze: (itemId: number, patch: StatePatch) => {
      const { snoozedUntil: _past, ...rest } = patch;
      if (Object.keys(rest).length === 0) outbox.remove(itemId);
      else outbox.updatePayload(itemId, { patch: rest });
      return Object.keys(rest).length > 0;
    },
  };
}

export type WorkflowOps = ReturnType<typeof createWorkflowOps>;
