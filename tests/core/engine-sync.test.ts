// The engine against a real practice server: initial sync of the demo data, live updates with
// notifications and badge, local actions reaching the server, reads for the UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagePage } from '../../common/desktop/index.js';
import {
  apiLogin,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { serverView } from './support/server-feed.js';
import { randomUUID } from 'node:crypto';

let server: EngineTestServer;
let t: TestEngine;
let sunrise: string;
let deskId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  t = makeEngine({ syncPageSize: 4 });
  const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
  sunrise = session.practices.find((p) => p.name === 'Sunrise Family Medicine')?.id ?? '';
  deskId = session.user?.id ?? '';
});
afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});

const allRows = async (folder: 'inbox' | 'archived' | 'sent' | 'todo') => {
  const rows: MessagePage['rows'] = [];
  let cursor: string | null = null;
  do {
    const page: MessagePage = await t.engine.handlers.listMessages({ practiceId: sunrise, folder, cursor, limit: 3 });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
};

describe('initial sync', () => {
  it('caches every message of the demo feed once, with progress, and raises no notification', async () => {
    const view = await serverView(server.url, 'frontdesk@sunrise.example');
    expect(view.messages.size).toBeGreaterThanOrEqual(10);
    const status = await t.engine.handlers.getSyncStatus({});
    expect(status).toMatchObject({ state: 'online', initialSyncDone: true, syncedMessages: view.messages.size });
    const progress = t.events
      .filter((e) => e.event === 'syncStatus')
      .map((e) => (e.payload as { syncedMessages: number }).syncedMessages);
    expect(new Set(progress).size).toBeGreaterThan(2);
    const cached = new Set(
      [...(await allRows('inbox')), ...(await allRows('sent')), ...(await allRows('archived'))].map((r) => r.id),
    );
    expect([...cached].sort()).toEqual([...view.messages.keys()].sort());
    expect(t.notifier.raised).toEqual([]);
  });

  it('matches the server mailbox state and counts unread inbox messages', async () => {
    const view = await serverView(server.url, 'frontdesk@sunrise.example');
    const archived = await allRows('archived');
    expect(archived.map((r) => r.id).sort()).toEqual(
      [...view.states.values()]
        .filter((s) => s.archived)
        .map((s) => s.messageId)
        .sort(),
    );
    const todo = await allRows('todo');
    expect(todo.map((r) => r.id).sort()).toEqual(
      [...view.states.values()]
        .filter((s) => s.flagged)
        .map((s) => s.messageId)
        .sort(),
    );
    const inbox = await allRows('inbox');
    // A portal message counts when its thread is unassigned or mine (the demo has threads others own).
    let unread = 0;
    for (const row of inbox.filter((r) => !r.read)) {
      const owner =
        row.source === 'portal' ? (await t.engine.handlers.getThread({ messageId: row.id })).portal?.owner : null;
      if (!owner || owner.id === deskId) unread += 1;
    }
    expect(unread).toBeLessThan(inbox.filter((r) => !r.read).length);
    const counts = await t.engine.handlers.getUnreadCounts({});
    expect(counts.byPractice[sunrise]).toBe(unread);
    expect(t.last('unreadCount')).toEqual(counts);
  });

  it('shows a thread, the records a message links to, and searches with snippets', async () => {
    const portal = (await allRows('inbox')).find((r) => r.source === 'portal');
    expect(portal).toBeDefined();
    const thread = await t.engine.handlers.getThread({ messageId: portal?.id ?? '' });
    expect(thread.messages.some((v) => v.message.id === portal?.id)).toBe(true);
    const withPatient = thread.messages.find((v) => v.message.patient)?.message.patient;
    if (withPatient) {
      const patient = await t.engine.handlers.getPatient({ practiceId: sunrise, patientId: withPatient.id });
      expect(patient.name).toBe(withPatient.name);
    }
    const hits = await t.engine.handlers.searchMessages({ practiceId: sunrise, query: 'ruiz' });
    expect(hits.hits.length).toBeGreaterThan(0);
    expect(hits.hits[0]?.snippet.toLowerCase()).toContain('ruiz');
    const staff = await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' });
    expect(staff.users.map((u) => u.name)).toContain('Dr. Daniel Lee');
  });
});

describe('live updates', () => {
  it('pulls a message another user sent, notifies once, and updates the badge', async () => {
    const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const me = (await t.engine.handlers.getSession({})).user?.id ?? '';
    const before = (await t.engine.handlers.getUnreadCounts({})).total;
    const sent = await lee.call('POST', `/practices/${sunrise}/messages`, {
      clientId: randomUUID(),
      to: [me],
      subject: 'Schedule change',
      body: 'Moving the 3pm to 4pm.',
    });
    expect(sent.status).toBe(201);
    const id = (sent.body as { message: { id: string } }).message.id;
    await waitFor('notification', () => t.notifier.raised.length === 1);
    expect(t.notifier.raised[0]).toEqual({
      title: 'New secure message',
      body: '',
      target: { practiceId: sunrise, messageId: id },
    });
    expect((await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows[0]?.id).toBe(id);
    expect(t.last('unreadCount')?.total).toBe(before + 1);
    t.notifier.click(0);
    expect(t.last('showMessage')).toEqual({ practiceId: sunrise, messageId: id });
  });

  it('writes read/flag/archive locally at once and the server gets them', async () => {
    const [row] = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows;
    const id = row?.id ?? '';
    await t.engine.handlers.setMessageState({ messageId: id, patch: { read: true, flagged: true } });
    expect(
      (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'todo' })).rows.map((r) => r.id),
    ).toContain(id);
    await t.engine.handlers.setMessageState({ messageId: id, patch: { archived: true } });
    expect(
      (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows.map((r) => r.id),
    ).not.toContain(id);
    await waitFor('outbox empty', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
    const view = await serverView(server.url, 'frontdesk@sunrise.example');
    expect(view.states.get(id)).toEqual({
      messageId: id,
      read: true,
      flagged: true,
      archived: true,
      snoozedUntil: null,
    });
  });

  it('sends a message: online, the send answers after delivering it, once, with the server id', async () => {
    const lee = (await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' })).users[0]?.id ?? '';
    const { messageId } = await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [lee],
      subject: 'Coverage Friday',
      body: 'Can you cover?',
    });
    expect(messageId).toMatch(/^local-/);
    // Never drawn as "waiting to be delivered" while the server answers in milliseconds (issue 14, item 5).
    const delivered = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'sent' })).rows[0];
    expect(delivered).toMatchObject({ delivery: 'delivered', subject: 'Coverage Friday' });
    expect(delivered?.id).not.toMatch(/^local-/);
    const thread = await t.engine.handlers.getThread({ messageId });
    expect(thread.messages.map((v) => v.message.id)).toEqual([delivered?.id]);
    const view = await serverView(server.url, 'dr.lee@sunrise.example');
    expect([...view.messages.values()].filter((m) => m.subject === 'Coverage Friday')).toHaveLength(1);
    expect((await allRows('sent')).filter((r) => r.subject === 'Coverage Friday')).toHaveLength(1);
  });

  it('replies in the thread: to the sender of a staff message, and to the patient of a portal message', async () => {
    const inbox = await allRows('inbox');
    const staffMessage = inbox.find((r) => r.source === 'staff');
    const portalMessage = inbox.find((r) => r.source === 'portal');
    const staffReply = await t.engine.handlers.reply({ messageId: staffMessage?.id ?? '', body: 'Thanks, noted.' });
    const portalReply = await t.engine.handlers.reply({
      messageId: portalMessage?.id ?? '',
      body: 'We will call you today.',
    });
    await waitFor('replies delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
    const staffThread = await t.engine.handlers.getThread({ messageId: staffReply.messageId });
    const sentReply = staffThread.messages.find((v) => v.message.body === 'Thanks, noted.');
    expect(sentReply).toMatchObject({ delivery: 'delivered' });
    expect(sentReply?.message.threadId).toBe(staffMessage?.threadId);
    expect(sentReply?.message.subject).toMatch(/^Re: /);
    const portalThread = await t.engine.handlers.getThread({ messageId: portalReply.messageId });
    const toPatient = portalThread.messages.find((v) => v.message.body === 'We will call you today.');
    expect(toPatient?.delivery).toBe('delivered');
    expect(toPatient?.message.recipients.map((r) => r.kind)).toEqual(['patient']);
  });
});
