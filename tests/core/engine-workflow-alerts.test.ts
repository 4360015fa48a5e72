// Alerts through the engine and the real practice server: an urgent message notifies at once and again
// until read; a muted conversation stays silent (urgent still alerts); a snoozed message comes back and
// notifies; quiet hours silence notifications and keep the count. The re-alert "minute" is 40 ms here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/http/index.js';
import type { NotificationRequest } from '../../main/core/host-ports.js';
import {
  apiLogin,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

const MINUTE_MS = 40;

let server: EngineTestServer;
let desk: TestEngine;
let lee: Awaited<ReturnType<typeof apiLogin>>;
let sunrise: string;
let deskId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  desk = makeEngine({ minuteMs: MINUTE_MS });
  const session = await signIn(desk, server.url, 'frontdesk@sunrise.example');
  sunrise = session.practices[0]?.id ?? '';
  deskId = session.user?.id ?? '';
  lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
}, 60_000);
afterAll(async () => {
  await desk?.stop();
  await server?.cleanup();
});

async function leeSends(subject: string, extra: Record<string, unknown> = {}): Promise<Message> {
  const r = await lee.call('POST', `/practices/${sunrise}/messages`, {
    clientId: randomUUID(),
    to: [deskId],
    subject,
    body: 'Please look at this.',
    ...extra,
  });
  if (r.status !== 201) throw new Error(`send failed with ${r.status}`);
  return (r.body as { message: Message }).message;
}

/** The notifications that open this message (privacy "generic": no subject, so matched by target). */
const alertsFor = (id: string): NotificationRequest[] => desk.notifier.raised.filter((n) => n.target?.messageId === id);

describe('urgent', () => {
  it('notifies at once as urgent, repeats until read, then stops', async () => {
    const urgent = await leeSends(`Urgent ${randomUUID()}`, { priority: 'urgent' });
    const [first] = await waitFor('the urgent alert', () =>
      alertsFor(urgent.id).length ? alertsFor(urgent.id) : null,
    );
    expect(first?.title).toBe('Urgent secure message');
    await waitFor('two re-alerts', () => alertsFor(urgent.id).length >= 3, 5_000);
    await desk.engine.handlers.setMessageState({ messageId: urgent.id, patch: { read: true } });
    const atRead = alertsFor(urgent.id).length;
    // A second urgent message re-alerting twice shows two intervals have passed since: none for the read one.
    const later = await leeSends(`Later ${randomUUID()}`, { priority: 'urgent' });
    await waitFor('the later one re-alerts twice', () => alertsFor(later.id).length >= 3, 5_000);
    expect(alertsFor(urgent.id).length).toBeLessThanOrEqual(atRead + 1);
    await desk.engine.handlers.setMessageState({ messageId: later.id, patch: { read: true } });
    await waitFor('no urgent unread', () => desk.last('unreadCount')?.urgent === 0);
  });

  it('counts unread urgent messages for the tray', async () => {
    const urgent = await leeSends(`Urgent count ${randomUUID()}`, { priority: 'urgent' });
    await waitFor('counted', () => (desk.last('unreadCount')?.urgent ?? 0) >= 1);
    await desk.engine.handlers.setMessageState({ messageId: urgent.id, patch: { read: true } });
    await waitFor('cleared', () => desk.last('unreadCount')?.urgent === 0);
  });
});

describe('mute', () => {
  it('silences a muted conversation, except for urgent messages', async () => {
    const first = await leeSends(`Muted ${randomUUID()}`);
    await waitFor('first alert', () => alertsFor(first.id).length === 1);
    await desk.engine.handlers.setThreadMuted({ practiceId: sunrise, threadId: first.threadId, muted: true });
    const quietReply = await leeSends('Re: Muted', { inReplyTo: first.id });
    const control = await leeSends(`Not muted ${randomUUID()}`);
    await waitFor('the other conversation alerts', () => alertsFor(control.id).length === 1);
    await waitFor('the muted reply is stored', () =>
      desk.engine.handlers.getThread({ messageId: quietReply.id }).catch(() => null),
    );
    expect(alertsFor(quietReply.id)).toEqual([]);
    const urgentReply = await leeSends('Re: Muted', { inReplyTo: first.id, priority: 'urgent' });
    await waitFor('urgent still alerts', () => alertsFor(urgentReply.id).length >= 1);
    await desk.engine.handlers.setMessageState({ messageId: urgentReply.id, patch: { read: true } });
  });
});

describe('snooze', () => {
  it('brings a snoozed message back when due, unread, with a notification', async () => {
    const m = await leeSends(`Snoozed ${randomUUID()}`);
    await waitFor('first alert', () => alertsFor(m.id).length === 1);
    await desk.engine.handlers.setMessageState({ messageId: m.id, patch: { read: true } });
    const until = new Date(Date.now() + 1500).toISOString();
    await desk.engine.handlers.setMessageState({ messageId: m.id, patch: { snoozedUntil: until } });
    const inbox = async () =>
      (await desk.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox', limit: 50 })).rows.map(
        (r) => r.id,
      );
    expect(await inbox()).not.toContain(m.id);
    const snoozed = await desk.engine.handlers.listMessages({ practiceId: sunrise, folder: 'snoozed' });
    expect(snoozed.rows.map((r) => r.id)).toContain(m.id);
    await waitFor('back in the inbox', async () => (await inbox()).includes(m.id), 10_000);
    await waitFor('it notifies again', () => alertsFor(m.id).length === 2, 10_000);
    const [view] = (await desk.engine.handlers.getThread({ messageId: m.id })).messages;
    expect(view?.state).toMatchObject({ read: false, snoozedUntil: null });
  });

  it('refuses a snooze in the past, and changes nothing', async () => {
    const m = await leeSends(`Past ${randomUUID()}`);
    // Its alert is awaited so that it can't share a burst window with the next test's messages.
    await waitFor('its alert', () => alertsFor(m.id).length === 1);
    await expect(
      desk.engine.handlers.setMessageState({ messageId: m.id, patch: { snoozedUntil: '2020-01-01T00:00:00.000Z' } }),
    ).rejects.toMatchObject({ code: 'invalid_arguments' });
    expect((await desk.engine.handlers.getThread({ messageId: m.id })).messages[0]?.state.snoozedUntil).toBeNull();
    expect((await desk.engine.handlers.getOutbox({})).items).toEqual([]);
  });
});

describe('quiet hours', () => {
  it('raise no notification, but the unread count still goes up', async () => {
    const now = new Date();
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const start = hhmm(new Date(now.getTime() - 60 * 60_000));
    const end = hhmm(new Date(now.getTime() + 60 * 60_000));
    await desk.engine.handlers.savePreferences({ quietHours: { enabled: true, start, end } });
    const quiet: string[] = [];
    try {
      const before = (await desk.engine.handlers.getUnreadCounts({})).total;
      const m = await leeSends(`Quiet ${randomUUID()}`, { priority: 'urgent' });
      quiet.push(m.id);
      await waitFor('counted', () => (desk.last('unreadCount')?.total ?? 0) === before + 1);
      const normal = await leeSends(`Quiet too ${randomUUID()}`);
      quiet.push(normal.id);
      await waitFor('counted too', () => (desk.last('unreadCount')?.total ?? 0) === before + 2);
      await desk.engine.handlers.setMessageState({ messageId: m.id, patch: { read: true } });
    } finally {
      await desk.engine.handlers.savePreferences({ quietHours: { enabled: false, start, end } });
    }
    // After quiet hours a new message notifies (its burst window came after the quiet ones'): they never did.
    const control = await leeSends(`After quiet ${randomUUID()}`);
    await waitFor('the control notification', () => alertsFor(control.id).length === 1);
    expect(quiet.flatMap(alertsFor)).toEqual([]);
  });
});
