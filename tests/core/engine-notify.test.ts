// Notifications and the badge through the engine with a real server and an injected notifier:
// privacy levels, own messages, portal messages the setting hides, read/archived, bursts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  apiLogin,
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

let server: EngineTestServer;
let t: TestEngine;
let sunrise: string;
let me: string;
let lee: Awaited<ReturnType<typeof apiLogin>>;

beforeAll(async () => {
  server = await startEngineTestServer();
  t = makeEngine();
  const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
  sunrise = session.practices[0]?.id ?? '';
  me = session.user?.id ?? '';
  lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
});
afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});
beforeEach(() => {
  t.notifier.raised.length = 0;
});

async function leeSends(subject: string) {
  const r = await lee.call('POST', `/practices/${sunrise}/messages`, {
    clientId: randomUUID(),
    to: [me],
    subject,
    body: 'BODY-TEXT',
    patientId: undefined,
  });
  expect(r.status).toBe(201);
  return (r.body as { message: { id: string } }).message.id;
}

async function portalSends(subject: string) {
  const login = await fetch(`${server.url}/api/v1/portal/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ana.ruiz@patient.example', password: DEMO_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const r = await fetch(`${server.url}/api/v1/portal/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ clientId: randomUUID(), subject, body: 'from the portal' }),
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { message: { id: string } }).message.id;
}

/**
 * Proves nothing was raised for what came before: a message that must notify is sent after it,
 * and the only notification is that one alone (an earlier one would show up first or be counted in).
 */
async function expectOnlyBarrierNotified() {
  const barrier = await leeSends('Barrier');
  await waitFor('barrier notification', () => t.notifier.raised.length >= 1);
  expect(t.notifier.raised).toEqual([
    { title: 'New secure message', body: '', target: { practiceId: sunrise, messageId: barrier } },
  ]);
}

it('generic privacy says only that a message arrived', async () => {
  const id = await leeSends('Generic subject');
  await waitFor('notification', () => t.notifier.raised.length === 1);
  expect(t.notifier.raised[0]).toEqual({
    title: 'New secure message',
    body: '',
    target: { practiceId: sunrise, messageId: id },
  });
});

it('sender and full privacy add the sender, and full the subject, never the body', async () => {
  await t.engine.handlers.savePreferences({ notificationPrivacy: 'sender' });
  await leeSends('Sender-level subject');
  await waitFor('notification', () => t.notifier.raised.length === 1);
  expect(t.notifier.raised[0]?.body).toContain('Dr. Daniel Lee');
  expect(JSON.stringify(t.notifier.raised[0])).not.toContain('Sender-level subject');
  await t.engine.handlers.savePreferences({ notificationPrivacy: 'full' });
  await leeSends('Full-level subject');
  await waitFor('notification', () => t.notifier.raised.length === 2);
  expect(JSON.stringify(t.notifier.raised[1])).toContain('Full-level subject');
  expect(JSON.stringify(t.notifier.raised[1])).toContain('Dr. Daniel Lee');
  expect(JSON.stringify(t.notifier.raised)).not.toContain('BODY-TEXT');
  await t.engine.handlers.savePreferences({ notificationPrivacy: 'generic' });
});

it('never for the user’s own message', async () => {
  const leeId = (await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' })).users[0]?.id ?? '';
  const { messageId } = await t.engine.handlers.sendMessage({
    practiceId: sunrise,
    to: [leeId],
    subject: 'Mine',
    body: 'x',
  });
  await waitFor('delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
  await waitFor(
    'own copy synced',
    async () => (await t.engine.handlers.getThread({ messageId })).messages[0]?.delivery === 'delivered',
  );
  await expectOnlyBarrierNotified();
});

it('portal messages notify only where the practice shows them in the inbox, and count the same way', async () => {
  const shown = await portalSends('Portal shown');
  await waitFor('notification', () => t.notifier.raised.length === 1);
  expect(t.notifier.raised[0]?.target?.messageId).toBe(shown);
  const withPortal = (await t.engine.handlers.getUnreadCounts({})).total;

  await t.engine.handlers.savePracticeSettings({
    practiceId: sunrise,
    settings: { portalMessagesInInbox: false, emailNotifications: false },
  });
  const withoutPortal = (await t.engine.handlers.getUnreadCounts({})).total;
  expect(withoutPortal).toBeLessThan(withPortal);
  expect(t.last('unreadCount')?.total).toBe(withoutPortal);
  const inbox = await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox', limit: 200 });
  expect(inbox.rows.some((r) => r.source === 'portal')).toBe(false);
  await waitFor('settings saved', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
  t.notifier.raised.length = 0;
  const hidden = await portalSends('Portal hidden');
  await waitFor('hidden portal message cached', () =>
    t.engine.handlers.getThread({ messageId: hidden }).catch(() => null),
  );
  await expectOnlyBarrierNotified();
  await t.engine.handlers.savePracticeSettings({
    practiceId: sunrise,
    settings: { portalMessagesInInbox: true, emailNotifications: false },
  });
  await waitFor('settings saved', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
});

it('never for a message read or archived (on another device) before it arrived here', async () => {
  await t.stop();
  const read = await leeSends('Read elsewhere');
  const archived = await leeSends('Archived elsewhere');
  const front = await apiLogin(server.url, 'frontdesk@sunrise.example');
  expect((await front.call('PATCH', `/practices/${sunrise}/messages/${read}/state`, { read: true })).status).toBe(200);
  expect(
    (await front.call('PATCH', `/practices/${sunrise}/messages/${archived}/state`, { archived: true })).status,
  ).toBe(200);
  await t.engine.start();
  await waitFor('archived cached', () => t.engine.handlers.getThread({ messageId: archived }).catch(() => null));
  await expectOnlyBarrierNotified();
});

it('coalesces a burst (here: three messages that arrived while the app was closed) into one notification', async () => {
  await t.stop();
  for (const n of [1, 2, 3]) await leeSends(`Burst ${n}`);
  await t.engine.start();
  await waitFor('notification', () => t.notifier.raised.length >= 1);
  expect(t.notifier.raised).toEqual([{ title: '3 new secure messages', body: '', target: null }]);
});
