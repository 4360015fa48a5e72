// Cancelling a send from the outbox (issue 14, item 8), against a real server behind a TCP proxy that can
// hold or cut the engine's message posts: a send still waiting is taken back whole; one on its way, or one
// whose post may have reached the server, is refused as too late and then delivered exactly once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { startSendInterceptorProxy, type SendInterceptorProxy } from './support/send-interceptor-proxy.js';

let server: EngineTestServer;
let proxy: SendInterceptorProxy;
let t: TestEngine;
let sunrise: string;
let leeId: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  proxy = await startSendInterceptorProxy(server.port);
  t = makeEngine();
  ({ sunrise, leeId } = await signInDeskWithLee(t, proxy.url));
});
afterAll(async () => {
  await t?.stop();
  await proxy?.close();
  await server?.cleanup();
});

const outbox = async () => (await t.engine.handlers.getOutbox({})).items;
const sentSubjects = async () =>
  (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'sent', limit: 200 })).rows.map(
    (r) => r.subject,
  );
const onServer = async (subject: string) =>
  [...(await serverView(server.url, 'dr.lee@sunrise.example')).messages.values()].filter((m) => m.subject === subject)
    .length;
/** What the Outbox screen passes back to cancel an item. */
const ref = (item: { id: number; messageId: string | null } | undefined) => ({
  id: item?.id ?? 0,
  messageId: item?.messageId ?? '',
});
const send = (subject: string, extra: { attachments?: { kind: 'file'; id: string }[] } = {}) =>
  t.engine.handlers.sendMessage({ practiceId: sunrise, to: [leeId], subject, body: 'x', ...extra });

describe('cancelling a send', () => {
  it('takes back a send waiting offline: outbox row, local copy, its flag and its staged file all go', async () => {
    // Straight to the server (no proxy): offline here means no connection at all, so nothing can have arrived.
    const direct = makeEngine();
    await signIn(direct, server.url, 'frontdesk@sunrise.example');
    const h = direct.engine.handlers;
    const items = async () => (await h.getOutbox({})).items;
    await server.stop();
    try {
      const staged = await h.stageFile({
        name: 'note.txt',
        mimeType: 'text/plain',
        base64: randomBytes(100).toString('base64'),
      });
      const { messageId } = await h.sendMessage({
        practiceId: sunrise,
        to: [leeId],
        subject: 'Cancel me',
        body: 'x',
        attachments: [{ kind: 'file', id: staged.id }],
      });
      await h.setMessageState({ messageId, patch: { flagged: true } });
      const [item, flag] = await items();
      expect(item).toMatchObject({ kind: 'send', status: 'pending', cancellable: true });
      expect(item?.description).toBe('New message “Cancel me”');
      expect(flag).toMatchObject({ kind: 'state', description: 'Add to To Do: “Cancel me”', cancellable: false });
      const stagedFiles = () => JSON.stringify(fs.readdirSync(direct.dir, { recursive: true }));
      expect(stagedFiles()).toContain(staged.id);

      await h.cancelOutboxItem(ref(item));
      expect(await items()).toEqual([]);
      const sent = (await h.listMessages({ practiceId: sunrise, folder: 'sent', limit: 200 })).rows;
      expect(sent.map((r) => r.subject)).not.toContain('Cancel me');
      await expect(h.getThread({ messageId })).rejects.toMatchObject({ code: 'not_found' });
      expect(stagedFiles()).not.toContain(staged.id);
      expect((await h.getSyncStatus({})).pendingOutbox).toBe(0);
    } finally {
      await server.restart();
      direct.engine.reconnectNow();
      t.engine.reconnectNow();
    }
    await waitFor('online', async () => (await h.getSyncStatus({})).state === 'online');
    await h.sendMessage({ practiceId: sunrise, to: [leeId], subject: 'After the cancel', body: 'x' });
    await waitFor('control delivered', async () => (await items()).length === 0);
    await direct.stop();
    expect(await onServer('After the cancel')).toBe(1);
    expect(await onServer('Cancel me')).toBe(0);
  });

  it('refuses once the send is on its way, and the message is delivered exactly once', async () => {
    proxy.setMode('hold');
    const postsBefore = proxy.posts();
    await send('In flight');
    await waitFor('post held', () => proxy.posts() === postsBefore + 1);
    const [item] = await outbox();
    await expect(t.engine.handlers.cancelOutboxItem(ref(item))).rejects.toMatchObject({
      code: 'too_late',
      message: expect.stringMatching(/can no longer be cancelled/),
    });
    proxy.setMode('pass');
    proxy.release();
    await waitFor('delivered', async () => (await outbox()).length === 0);
    expect(await onServer('In flight')).toBe(1);
    expect((await sentSubjects()).filter((s) => s === 'In flight')).toHaveLength(1);
  });

  it('refuses after a post whose answer was lost (the server may have it), then delivers it once', async () => {
    proxy.setMode('cutAnswer');
    await send('Answer lost');
    const [item] = await waitFor('post attempted', async () => {
      const items = await outbox();
      return items.length === 1 && !items[0]?.cancellable ? items : null;
    });
    // The server did store it; cancelling now would leave a message the user thinks was taken back.
    expect(await onServer('Answer lost')).toBe(1);
    await expect(t.engine.handlers.cancelOutboxItem(ref(item))).rejects.toMatchObject({
      code: 'too_late',
    });
    proxy.setMode('pass');
    t.engine.reconnectNow();
    await waitFor('delivered', async () => (await outbox()).length === 0);
    expect(await onServer('Answer lost')).toBe(1);
    expect((await sentSubjects()).filter((s) => s === 'Answer lost')).toHaveLength(1);
  });

  it('takes back a send while its file uploads: the message itself is never posted', async () => {
    proxy.setMode('hold', 'attachments');
    const uploadsBefore = proxy.posts('attachments');
    const messagesBefore = proxy.posts('messages');
    const staged = await t.engine.handlers.stageFile({
      name: 'scan.bin',
      mimeType: 'application/octet-stream',
      base64: randomBytes(1000).toString('base64'),
    });
    await send('Cancelled while uploading', { attachments: [{ kind: 'file', id: staged.id }] });
    await waitFor('upload held', () => proxy.posts('attachments') === uploadsBefore + 1);
    const [item] = await outbox();
    await t.engine.handlers.cancelOutboxItem(ref(item));
    // Its held upload finishes after the cancel; the next message is held on its way meanwhile.
    proxy.setMode('hold');
    proxy.release();
    await send('Control after upload cancel');
    const [control] = await outbox();
    // Outbox ids are reused once the newest row is gone: a stale Cancel must not take the new message.
    expect(control?.id).toBe(item?.id);
    await expect(t.engine.handlers.cancelOutboxItem(ref(item))).rejects.toMatchObject({ code: 'not_found' });
    proxy.setMode('pass');
    proxy.release();
    await waitFor('control delivered', async () => (await outbox()).length === 0);
    expect(proxy.posts('messages')).toBe(messagesBefore + 1);
    expect(await onServer('Cancelled while uploading')).toBe(0);
    expect(await onServer('Control after upload cancel')).toBe(1);
  });

  it('lets a refused (failed) send be cancelled, and says when an item is already gone', async () => {
    await t.engine.handlers.sendMessage({
      practiceId: sunrise,
      to: [leeId],
      subject: 'Refused',
      body: 'x',
      patientId: 'no-such-patient',
    });
    const [failed] = await waitFor('failed', async () => {
      const items = await outbox();
      return items[0]?.status === 'failed' ? items : null;
    });
    expect(failed?.cancellable).toBe(true);
    await t.engine.handlers.cancelOutboxItem(ref(failed));
    expect(await outbox()).toEqual([]);
    expect(await sentSubjects()).not.toContain('Refused');
    await expect(t.engine.handlers.cancelOutboxItem(ref(failed))).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/delivered/),
    });
  });
});
