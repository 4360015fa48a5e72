// Sends the team-workflow outbox items: portal queue actions, mute, template saves and deletes. Each is
// idempotent on the server except a template create, which is looked for on the server before it is
// sent again after an unanswered try, so it is applied exactly once.
import type { Template } from '../../../common/http/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import type { OutboxRow } from '../cache/outbox-store.js';
import { isLocalTemplateId } from '../cache/template-store.js';
import { ServerError } from '../sync/server-client.js';
import type { WorkflowClient } from '../sync/workflow-client.js';
import { PortalPayload, TemplatePayload, ThreadStatePayload } from './workflow-payloads.js';

export class WorkflowSender {
  constructor(
    private readonly cache: AccountCache,
    private readonly client: WorkflowClient,
  ) {}

  async portal(item: OutboxRow): Promise<void> {
    const payload = PortalPayload.parse(JSON.parse(item.payload));
    const body =
      payload.action === 'claim'
        ? payload.takeOver
          ? { takeOver: true }
          : {}
        : payload.action === 'assign'
          ? { userId: payload.userId }
          : {};
    const { thread } = await this.client.portalAction(item.practice_id, item.target ?? '', payload.action, body);
    await this.cache.writer.outboxPortalApplied(item.id, thread);
  }

  async threadState(item: OutboxRow): Promise<void> {
    const { muted } = ThreadStatePayload.parse(JSON.parse(item.payload));
    const { threadState } = await this.client.setThreadMuted(item.practice_id, item.target ?? '', muted);
    await this.cache.writer.outboxThreadStateApplied(item.id, item.practice_id, threadState);
  }

  async template(item: OutboxRow): Promise<void> {
    const payload = TemplatePayload.parse(JSON.parse(item.payload));
    const target = item.target ?? '';
    if (payload.op === 'delete') {
      try {
        if (!isLocalTemplateId(target)) await this.client.deleteTemplate(item.practice_id, target);
      } catch (error) {
        // Already gone (deleted elsewhere, or by an earlier try whose answer was lost): done either way.
        if (!(error instanceof ServerError && error.status === 404)) throw error;
      }
      await this.cache.writer.outboxDone(item.id);
      return;
    }
    if (!isLocalTemplateId(target)) {
      const { template } = await this.client.updateTemplate(item.practice_id, target, payload.template);
      await this.cache.writer.outboxTemplateSaved(item.id, item.practice_id, target, template);
      return;
    }
    const found = payload.attempted ? await this.findOnServer(item, payload.template) : null;
    if (!found) await this.cache.writer.outboxTemplateAttempted(item.id, { ...payload, attempted: true });
    const template = found ?? (await this.client.createTemplate(item.practice_id, payload.template)).template;
    await this.cache.writer.outboxTemplateSaved(item.id, item.practice_id, target, template);
  }

  /** A template the server already has from an unanswered try: same text, saved since this item was queued. */
  private async findOnServer(item: OutboxRow, wanted: Pick<Template, 'title' | 'body' | 'scope'>) {
    const { templates } = await this.client.templates(item.practice_id);
    const known = new Set(this.cache.reader.workflow.templates(item.practice_id).map((t) => t.id));
    return (
      templates.find(
        (t) =>
          !known.has(t.id) &&
          t.title === wanted.title &&
          t.body === wanted.body &&
          t.scope === wanted.scope &&
          t.updatedAt >= item.created_at,
      ) ?? null
    );
  }
}
