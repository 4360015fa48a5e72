// Offline team workflow against the real practice server, stopped and restarted on the same port and data:
// claim, snooze, mute and templates made offline show at once, wait in the outbox, and reach the server
// exactly once when it is back; a template create whose answer was lost is not made twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, Message, Template } from '../../common/http/index.js';
import {
  apiLogin,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { feedChanges } from './support/server-feed.js';
import { ANA, patientSays } from './support/workflow-actors.js';

let server: EngineTestServer;
let desk: TestEngine;
let sunrise: string;
let deskId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  desk = makeEngine();
  const session = await signIn(desk, server.url, 'frontdesk@sunrise.example');
  sunrise = session.practices[0]?.id ?? '';
  deskId = session.user?.id ?? '';
}, 60_000);
afterAll(async () => {
  await desk?.stop();
  await server?.cleanup();
});

const outbox = async () => (await desk.engine.handlers.getOutbox({})).items;

/** Takes the server down for `work`, then brings it back and waits for the outbox to empty. */
async function offline(work: () => Promise<void>): Promise<void> {
  await server.stop();
  await waitFor('offline', async () => {
    await desk.engine.handlers.getSyncStatus({});
    return desk.last('syncStatus')?.state === 'offline' || desk.last('syncStatus')?.state === 'connecting';
  });
  try {
    await work();
  } finally {
    await server.restart();
    desk.engine.reconnectNow();
  }
  await waitFor('outbox sent', async () => (await outbox()).length === 0, 20_000);
}

describe('offline, then back', () => {
  it('a claim made offline shows at once and is applied once', async () => {
    const asked = await patientSays(server.url, ANA, `Offline claim ${randomUUID()}`);
    await waitFor('in the queue', async () =>
      (await desk.engine.handlers.listPortalThreads({ practiceId: sunrise, filter: 'unassigned' })).threads.some(
        (t) => t.threadId === asked.threadId,
      ),
    );
    await offline(async () => {
      const view = await desk.engine.handlers.claimPortalThread({ practiceId: sunrise, threadId: asked.threadId });
      expect(view).toMatchObject({ pending: true, owner: { id: deskId } });
      expect((await outbox()).map((i) => i.kind)).toEqual(['portalThread']);
    });
    const mine = await waitFor('claimed on the server', async () =>
      (await desk.engine.handlers.listPortalThreads({ practiceId: sunrise, filter: 'mine' })).threads.find(
        (t) => t.threadId === asked.threadId && !t.pending,
      ),
    );
    expect(mine.owner?.id).toBe(deskId);
    const admin = await apiLogin(server.url, 'admin@sunrise.example');
    const audit = await admin.call('GET', `/practices/${sunrise}/audit?action=portal_claimed&userId=${deskId}`);
    expect((audit.body as AuditPage).events.filter((e) => e.threadId === asked.threadId)).toHaveLength(1);
  });

  it('snooze, mute and templates made offline reach the server once', async () => {
    const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const sent = await lee.call('POST', `/practices/${sunrise}/messages`, {
      clientId: randomUUID(),
      to: [deskId],
      subject: `Offline snooze ${randomUUID()}`,
      body: 'x',
    });
    const m = (sent.body as { message: Message }).message;
    await waitFor('cached', () => desk.engine.handlers.getThread({ messageId: m.id }).catch(() => null));
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const title = `Closed today ${randomUUID().slice(0, 8)}`;
    await offline(async () => {
      await desk.engine.handlers.setMessageState({ messageId: m.id, patch: { snoozedUntil: until } });
      await desk.engine.handlers.setThreadMuted({ practiceId: sunrise, threadId: m.threadId, muted: true });
      const saved = await desk.engine.handlers.saveTemplate({
        practiceId: sunrise,
        template: { title, body: 'We are closed today, {patient.firstName}.', scope: 'personal' },
      });
      expect(saved.pending).toBe(true);
      const dropped = await desk.engine.handlers.saveTemplate({
        practiceId: sunrise,
        template: { title: 'Never mind', body: 'x', scope: 'personal' },
      });
      await desk.engine.handlers.deleteTemplate({ practiceId: sunrise, templateId: dropped.id });
      expect((await outbox()).map((i) => i.kind).sort()).toEqual(['state', 'template', 'threadState']);
      expect(
        (await desk.engine.handlers.listTemplates({ practiceId: sunrise })).templates.map((t) => t.title),
      ).toContain(title);
    });
    const { changes } = await feedChanges(server.url, 'frontdesk@sunrise.example');
    const lastState = changes.filter((c) => c.kind === 'state' && c.state.messageId === m.id).at(-1);
    expect(lastState).toMatchObject({ state: { snoozedUntil: until } });
    expect(changes.filter((c) => c.kind === 'threadState' && c.threadState.threadId === m.threadId)).toEqual([
      { kind: 'threadState', practiceId: sunrise, threadState: { threadId: m.threadId, muted: true } },
    ]);
    const { body } = await (
      await apiLogin(server.url, 'frontdesk@sunrise.example')
    ).call('GET', `/practices/${sunrise}/templates`);
    const onServer = (body as { templates: Template[] }).templates;
    expect(onServer.filter((t) => t.title === title)).toHaveLength(1);
    expect(onServer.some((t) => t.title === 'Never mind')).toBe(false);
    const local = (await desk.engine.handlers.listTemplates({ practiceId: sunrise })).templates.find(
      (t) => t.title === title,
    );
    expect(local).toMatchObject({ id: onServer.find((t) => t.title === title)?.id, pending: false });
  });
});
