// Team workflow through two engines and the real practice server: the portal queue (a claim race, take
// over, a reply claims, the unread rule), receipts seen live by the sender, Reply all, forward without
// re-upload, and the audit trail for admins only.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../common/http/index.js';
import {
  apiLogin,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { ANA, patientSays } from './support/workflow-actors.js';

let server: EngineTestServer;
let desk: TestEngine;
let lee: TestEngine;
let sunrise: string;
let ids: { desk: string; lee: string; billing: string };

beforeAll(async () => {
  server = await startEngineTestServer();
  desk = makeEngine();
  lee = makeEngine();
  const session = await signIn(desk, server.url, 'frontdesk@sunrise.example');
  const leeSession = await signIn(lee, server.url, 'dr.lee@sunrise.example');
  sunrise = session.practices[0]?.id ?? '';
  const billing = await waitFor(
    'directory',
    async () => (await desk.engine.handlers.listStaff({ practiceId: sunrise, query: 'Priya' })).users[0],
  );
  ids = { desk: session.user?.id ?? '', lee: leeSession.user?.id ?? '', billing: billing.id };
}, 60_000);
afterAll(async () => {
  await desk?.stop();
  await lee?.stop();
  await server?.cleanup();
});

const threads = (t: TestEngine, filter: 'unassigned' | 'mine' | 'open' | 'closed' = 'open') =>
  t.engine.handlers.listPortalThreads({ practiceId: sunrise, filter }).then((r) => r.threads);
const cached = (t: TestEngine, messageId: string) =>
  t.engine.handlers.getThread({ messageId }).then(
    (r) => r.messages,
    () => null,
  );
const threadIn = (t: TestEngine, threadId: string) =>
  waitFor(`thread ${threadId}`, async () => (await threads(t)).find((x) => x.threadId === threadId));

describe('Patient Portal queue', () => {
  it('lists the demo queue oldest waiting first, with owners, from the cache', async () => {
    const open = await threads(desk);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const waits = open.map((t) => t.waitingSince ?? '~');
    expect(waits).toEqual([...waits].sort());
    expect(open.some((t) => t.owner?.name === 'Priya Shah')).toBe(true);
    expect((await threads(desk, 'closed')).length).toBeGreaterThanOrEqual(1);
  });

  it('two people claim at once: one gets it, the other hears who, and can take it over', async () => {
    const first = await patientSays(server.url, ANA, `Claim race ${randomUUID()}`);
    await threadIn(desk, first.threadId);
    await threadIn(lee, first.threadId);
    const claim = (t: TestEngine) =>
      t.engine.handlers.claimPortalThread({ practiceId: sunrise, threadId: first.threadId });
    const [a, b] = await Promise.allSettled([claim(desk), claim(lee)]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const loser = a.status === 'rejected' ? desk : lee;
    const winnerId = a.status === 'fulfilled' ? ids.desk : ids.lee;
    const refusal = (a.status === 'rejected' ? a : b) as PromiseRejectedResult;
    expect(refusal.reason).toMatchObject({ code: 'already_claimed' });
    await waitFor(
      'the loser sees the owner',
      async () => (await threadIn(loser, first.threadId)).owner?.id === winnerId,
    );
    const taken = await loser.engine.handlers.claimPortalThread({
      practiceId: sunrise,
      threadId: first.threadId,
      takeOver: true,
    });
    expect(taken.owner?.id).toBe(loser === desk ? ids.desk : ids.lee);
  });

  it('a reply claims an unassigned conversation, and every staff member sees the reply', async () => {
    const asked = await patientSays(server.url, ANA, `Reply claims ${randomUUID()}`);
    await threadIn(desk, asked.threadId);
    await desk.engine.handlers.reply({ messageId: asked.id, body: 'We will call you this afternoon.' });
    await waitFor('claimed by the reply', async () => (await threadIn(lee, asked.threadId)).owner?.id === ids.desk);
    const seenByLee = await waitFor('Dr. Lee sees the staff reply', async () => {
      const { messages } = await lee.engine.handlers.getThread({ messageId: asked.id });
      return messages.find((v) => v.message.body === 'We will call you this afternoon.');
    });
    expect(seenByLee.message.sender.id).toBe(ids.desk);
    expect((await threadIn(desk, asked.threadId)).waitingSince).toBeNull();
  });

  it('a reply to a conversation someone else answers needs takeOver', async () => {
    const asked = await patientSays(server.url, ANA, `Owned ${randomUUID()}`);
    await threadIn(lee, asked.threadId);
    await lee.engine.handlers.claimPortalThread({ practiceId: sunrise, threadId: asked.threadId });
    await waitFor('desk sees Dr. Lee own it', async () => (await threadIn(desk, asked.threadId)).owner?.id === ids.lee);
    await expect(desk.engine.handlers.reply({ messageId: asked.id, body: 'Hello' })).rejects.toMatchObject({
      code: 'already_claimed',
    });
    await desk.engine.handlers.reply({ messageId: asked.id, body: 'Taking this one.', takeOver: true });
    await waitFor('taken over', async () => (await threadIn(lee, asked.threadId)).owner?.id === ids.desk);
  });

  it('counts a patient’s message as unread only for the one answering or while unassigned', async () => {
    const asked = await patientSays(server.url, ANA, `Counted ${randomUUID()}`);
    await threadIn(desk, asked.threadId);
    await desk.engine.handlers.assignPortalThread({ practiceId: sunrise, threadId: asked.threadId, userId: ids.lee });
    await waitFor('Dr. Lee owns it', async () => (await threadIn(desk, asked.threadId)).owner?.id === ids.lee);
    const before = { desk: desk.last('unreadCount')?.total ?? 0, lee: lee.last('unreadCount')?.total ?? 0 };
    const again = await patientSays(server.url, ANA, 'Re: Counted', asked.id);
    await waitFor('Dr. Lee has it', () => cached(lee, again.id));
    await waitFor('desk has it', () => cached(desk, again.id));
    await waitFor('Dr. Lee counts it', () => (lee.last('unreadCount')?.total ?? 0) === before.lee + 1);
    expect((await desk.engine.handlers.getUnreadCounts({})).total).toBe(before.desk);
  });
});

describe('receipts, Reply all and forward', () => {
  it('shows the sender who read it and when, live', async () => {
    const { messageId } = await desk.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [ids.lee, ids.billing],
      subject: `Receipts ${randomUUID()}`,
      body: 'Please confirm.',
    });
    const delivered = await waitFor('delivered', async () => {
      const { messages } = await desk.engine.handlers.getThread({ messageId });
      const view = messages[0];
      return view?.delivery === 'delivered' ? view : null;
    });
    expect(delivered.receipts).toEqual([
      { userId: ids.lee, name: 'Dr. Daniel Lee', readAt: null },
      { userId: ids.billing, name: 'Priya Shah', readAt: null },
    ]);
    await waitFor('Dr. Lee has it', () => cached(lee, delivered.message.id));
    await lee.engine.handlers.setMessageState({ messageId: delivered.message.id, patch: { read: true } });
    const read = await waitFor('the receipt arrives', async () => {
      const [view] = (await desk.engine.handlers.getThread({ messageId })).messages;
      return view?.receipts?.find((r) => r.userId === ids.lee)?.readAt ? view.receipts : null;
    });
    expect(read.find((r) => r.userId === ids.billing)?.readAt).toBeNull();
  });

  it('Reply all answers everyone on the message but you', async () => {
    const api = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const sent = await api.call('POST', `/practices/${sunrise}/messages`, {
      clientId: randomUUID(),
      to: [ids.desk, ids.billing],
      subject: `Reply all ${randomUUID()}`,
      body: 'Who covers Friday?',
    });
    const original = (sent.body as { message: Message }).message;
    await waitFor('desk has it', () => cached(desk, original.id));
    const { messageId } = await desk.engine.handlers.reply({ messageId: original.id, body: 'I can.', mode: 'all' });
    const reply = await waitFor('delivered', async () => {
      const view = (await desk.engine.handlers.getThread({ messageId })).messages.find(
        (v) => v.message.body === 'I can.',
      );
      return view?.delivery === 'delivered' ? view.message : null;
    });
    expect(reply.recipients.map((r) => r.id).sort()).toEqual([ids.billing, ids.lee].sort());
  });

  it('forwards a file attachment by its server id: no new upload, same bytes', async () => {
    const { rows } = await desk.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox', limit: 200 });
    const withFile = (
      await Promise.all(
        rows.filter((r) => r.hasAttachments).map((r) => desk.engine.handlers.getThread({ messageId: r.id })),
      )
    )
      .flatMap((t) => t.messages)
      .find((v) => v.message.attachments.some((a) => a.kind === 'file'))!.message;
    const file = withFile.attachments.find((a) => a.kind === 'file')!;
    const { messageId } = await desk.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [ids.billing],
      subject: `Fwd: ${withFile.subject}`,
      body: 'See attached.',
      attachments: [{ kind: 'file', id: file.id, fromMessageId: withFile.id }],
    });
    const forwarded = await waitFor('delivered', async () => {
      const [view] = (await desk.engine.handlers.getThread({ messageId })).messages;
      return view?.delivery === 'delivered' ? view.message : null;
    });
    expect(forwarded.attachments).toEqual([
      expect.objectContaining({ kind: 'file', name: file.name, sha256: file.kind === 'file' ? file.sha256 : '' }),
    ]);
    const bytes = await desk.engine.handlers.getAttachmentContent({
      messageId: forwarded.id,
      attachmentId: forwarded.attachments[0]!.id,
    });
    const original = await desk.engine.handlers.getAttachmentContent({ messageId: withFile.id, attachmentId: file.id });
    expect(bytes.base64).toBe(original.base64);
  });
});

describe('audit trail', () => {
  it('is for practice admins: events and a CSV; others hear they may not', async () => {
    const admin = makeEngine();
    try {
      await signIn(admin, server.url, 'admin@sunrise.example');
      await waitFor(
        'role known',
        async () => (await admin.engine.handlers.getSession({})).practices[0]?.role === 'admin',
      );
      const page = await admin.engine.handlers.listAuditEvents({
        practiceId: sunrise,
        action: 'portal_claimed',
        limit: 50,
      });
      expect(page.events.length).toBeGreaterThan(0);
      expect(page.events.every((e) => e.action === 'portal_claimed')).toBe(true);
      const csv = await admin.engine.handlers.exportAuditCsv({ practiceId: sunrise, userId: ids.desk });
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(csv.mimeType).toBe('text/csv');
      expect(text.split('\n')[0]).toMatch(/^id,at,practiceId/);
      expect(text.split('\n').filter((l) => l.trim()).length).toBeGreaterThan(1);
      expect((await desk.engine.handlers.getSession({})).practices[0]?.role).toBe('front desk');
      await expect(desk.engine.handlers.listAuditEvents({ practiceId: sunrise })).rejects.toMatchObject({
        code: 'forbidden',
      });
    } finally {
      await admin.stop();
    }
  });
});
