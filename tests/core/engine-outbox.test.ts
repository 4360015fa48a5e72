// The outbox against a real server: offline sends delivered exactly once after the server comes
// back on the same port and data, refusals shown with a retry, files sent first, size limit.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DesktopCallError } from '../../main/core/errors.js';
import {
  makeEngine,
  signIn,
  signInDeskWithLee,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { serverView } from './support/server-feed.js';

let server: EngineTestServer;
let t: TestEngine;
let sunrise: string;
let leeId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  t = makeEngine();
  ({ sunrise, leeId } = await signInDeskWithLee(t, server.url));
});
afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});

const status = () => t.engine.handlers.getSyncStatus({});

describe('offline', () => {
  it('reads linked patients and encounters from the cache once fetched, and says so when never fetched', async () => {
    const linked = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox', limit: 200 })).rows;
    const thread = await t.engine.handlers.getThread({ messageId: linked.find((r) => r.patientName)?.id ?? '' });
    const patientId = thread.messages.find((v) => v.message.patient)?.message.patient?.id ?? '';
    const online = await t.engine.handlers.getPatient({ practiceId: sunrise, patientId });
    const encounterId = online.encounters[0]?.id;
    const encounter = encounterId ? await t.engine.handlers.getEncounter({ practiceId: sunrise, encounterId }) : null;
    await server.stop();
    try {
      expect(await t.engine.handlers.getPatient({ practiceId: sunrise, patientId })).toEqual(online);
      if (encounterId)
        expect(await t.engine.handlers.getEncounter({ practiceId: sunrise, encounterId })).toEqual(encounter);
      await expect(
        t.engine.handlers.searchPatients({ practiceId: sunrise, query: 'never-asked' }),
      ).rejects.toMatchObject({
        code: 'offline',
      });
    } finally {
      await server.restart();
      t.engine.reconnectNow();
    }
  });

  it('queues sends and state changes while the server is down and delivers each exactly once after it returns', async () => {
    await server.stop();
    const [row] = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows;
    const { messageId } = await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [leeId],
      subject: 'Offline one',
      body: 'Queued while offline',
    });
    await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [leeId],
      subject: 'Offline two',
      body: 'Also queued',
    });
    await t.engine.handlers.setMessageState({ messageId: row?.id ?? '', patch: { flagged: true } });
    await t.engine.handlers.setMessageState({ messageId, patch: { flagged: true } });
    await waitFor('offline reported', async () => (await status()).state === 'offline');
    const queued = await t.engine.handlers.getOutbox({});
    expect(queued.items.map((i) => [i.kind, i.status])).toEqual([
      ['send', 'pending'],
      ['send', 'pending'],
      ['state', 'pending'],
      ['state', 'pending'],
    ]);
    expect((await status()).pendingOutbox).toBe(4);
    const sent = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'sent' })).rows;
    expect(sent.slice(0, 2).map((r) => [r.subject, r.delivery])).toEqual([
      ['Offline two', 'pending'],
      ['Offline one', 'pending'],
    ]);
    expect(
      (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'todo' })).rows.map((r) => r.id),
    ).toContain(row?.id);

    await server.restart();
    t.engine.reconnectNow();
    await waitFor('outbox drained', async () => (await t.engine.handlers.getOutbox({})).items.length === 0, 20_000);
    // The count the UI shows follows the state changes too, not only the sends.
    await waitFor('pending count follows', async () => (await status()).pendingOutbox === 0);
    await waitFor('online', async () => (await status()).state === 'online');
    const view = await serverView(server.url, 'dr.lee@sunrise.example');
    const subjects = [...view.messages.values()].map((m) => m.subject);
    expect(subjects.filter((s) => s === 'Offline one')).toHaveLength(1);
    expect(subjects.filter((s) => s === 'Offline two')).toHaveLength(1);
    const mine = await serverView(server.url, 'frontdesk@sunrise.example');
    expect(mine.states.get(row?.id ?? '')?.flagged).toBe(true);
    const offlineOne = [...mine.messages.values()].find((m) => m.subject === 'Offline one');
    expect(mine.states.get(offlineOne?.id ?? '')?.flagged).toBe(true);
    const cachedSent = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'sent', limit: 200 })).rows;
    expect(cachedSent.filter((r) => r.subject.startsWith('Offline')).map((r) => r.delivery)).toEqual([
      'delivered',
      'delivered',
    ]);
  });
});

describe('refusals and files', () => {
  it('marks a send the server refuses as failed with its message, and retries on request', async () => {
    const { messageId } = await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [leeId],
      subject: 'Bad link',
      body: 'x',
      patientId: 'no-such-patient',
    });
    const failed = await waitFor('failed', async () =>
      (await t.engine.handlers.getOutbox({})).items.find((i) => i.status === 'failed'),
    );
    expect(failed.error).toBeTruthy();
    const thread = await t.engine.handlers.getThread({ messageId });
    expect(thread.messages[0]).toMatchObject({ delivery: 'failed', deliveryError: failed.error });
    await t.engine.handlers.retryOutboxItem({ id: failed.id });
    await waitFor('failed again', async () =>
      (await t.engine.handlers.getOutbox({})).items.find((i) => i.id === failed.id && i.status === 'failed'),
    );
    await expect(t.engine.handlers.retryOutboxItem({ id: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a file over 10 MiB at once, before anything is queued', async () => {
    const before = await t.engine.handlers.getOutbox({});
    const big = randomBytes(11 * 1024 * 1024).toString('base64');
    const error = await t.engine.handlers
      .stageFile({ name: 'scan.pdf', mimeType: 'application/pdf', base64: big })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopCallError);
    expect(error).toMatchObject({ code: 'attachment_too_large' });
    expect((error as Error).message).toMatch(/10 MiB/);
    expect(await t.engine.handlers.getOutbox({})).toEqual(before);
  });

  it('uploads a staged file before the message and serves it back checked against its hash', async () => {
    const bytes = randomBytes(50_000);
    const staged = await t.engine.handlers.stageFile({
      name: 'lab.bin',
      mimeType: 'application/octet-stream',
      base64: bytes.toString('base64'),
    });
    expect(staged).toMatchObject({ name: 'lab.bin', size: 50_000 });
    const { messageId } = await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [leeId],
      subject: 'With file',
      body: 'see attached',
      attachments: [{ kind: 'file', id: staged.id }],
    });
    const pending = await t.engine.handlers.getThread({ messageId });
    const localAttachment = pending.messages[0]?.message.attachments[0];
    expect(localAttachment).toMatchObject({ kind: 'file', name: 'lab.bin' });
    await waitFor('delivered', async () =>
      (await t.engine.handlers.getOutbox({})).items.every((i) => i.status === 'failed'),
    );
    const delivered = (await t.engine.handlers.getThread({ messageId })).messages[0];
    expect(delivered?.delivery).toBe('delivered');
    const attachment = delivered?.message.attachments[0];
    const content = await t.engine.handlers.getAttachmentContent({
      messageId: delivered?.message.id ?? '',
      attachmentId: attachment?.id ?? '',
    });
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true);

    const lee = makeEngine();
    try {
      await signIn(lee, server.url, 'dr.lee@sunrise.example');
      const received = await lee.engine.handlers.getThread({ messageId: delivered?.message.id ?? '' });
      const fetched = await lee.engine.handlers.getAttachmentContent({
        messageId: delivered?.message.id ?? '',
        attachmentId: attachment?.id ?? '',
      });
      expect(received.messages[0]?.message.subject).toBe('With file');
      expect(Buffer.from(fetched.base64, 'base64').equals(bytes)).toBe(true);
    } finally {
      await lee.stop();
    }
  });
});
