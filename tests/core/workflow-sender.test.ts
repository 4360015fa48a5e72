// Template creates have no idempotency key on the server, so a create whose answer was lost must not be
// made twice: the next try looks for it first. Real cache, real server, the flusher's own sender.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../../common/http/index.js';
import { WorkflowSender } from '../../main/core/outbox/workflow-sender.js';
import { ServerClient } from '../../main/core/sync/server-client.js';
import { WorkflowClient } from '../../main/core/sync/workflow-client.js';
import { apiLogin, startEngineTestServer, type EngineTestServer } from '../support/engine-harness.js';
import { openTestCache, type TestCache } from './support/cache-fixture.js';

let server: EngineTestServer;
let t: TestCache;
let api: Awaited<ReturnType<typeof apiLogin>>;
let sunrise: string;
let sender: WorkflowSender;

beforeAll(async () => {
  server = await startEngineTestServer();
  api = await apiLogin(server.url, 'frontdesk@sunrise.example');
  sunrise = api.practices[0]?.id ?? '';
  t = await openTestCache('core-sender-');
  await t.cache.writer.replacePractices(api.practices);
  sender = new WorkflowSender(t.cache, new WorkflowClient(new ServerClient(server.url, api.token)));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await server?.cleanup();
});

const onServer = async (title: string) =>
  ((await api.call('GET', `/practices/${sunrise}/templates`)).body as { templates: Template[] }).templates.filter(
    (x) => x.title === title,
  );

async function queueAttempted(title: string) {
  const body = { title, body: 'Back at 2.', scope: 'personal' as const };
  const local = await t.cache.writer.queueTemplateSave(sunrise, null, body);
  const item = t.cache.reader.outboxItems().find((i) => i.kind === 'template')!;
  // The first try went out and its answer never came back.
  await t.cache.writer.outboxTemplateAttempted(item.id, { op: 'save', template: body, attempted: true });
  return { body, local, row: t.cache.reader.nextPendingOutbox(0)! };
}

describe('template create, answer lost', () => {
  it('adopts the template the first try made instead of making a second', async () => {
    const title = `Lunch ${randomUUID().slice(0, 8)}`;
    const { body, local, row } = await queueAttempted(title);
    const made = await api.call('POST', `/practices/${sunrise}/templates`, body);
    expect(made.status).toBe(201);
    await sender.template(row);
    const [only, ...more] = await onServer(title);
    expect(more).toEqual([]);
    expect(t.cache.reader.workflow.templates(sunrise).map((x) => x.id)).toContain(only?.id);
    expect(t.cache.reader.workflow.template(local.id)).toBeNull();
    expect(t.cache.reader.outboxItems()).toEqual([]);
  });

  it('makes it when the first try never reached the server', async () => {
    const title = `Dinner ${randomUUID().slice(0, 8)}`;
    const { row } = await queueAttempted(title);
    await sender.template(row);
    expect(await onServer(title)).toHaveLength(1);
    expect(t.cache.reader.outboxItems()).toEqual([]);
  });
});
