// The log file holds no health information (issue 13 item 6): a realistic session against a real demo server
// (sign-in, sync, live messages with full notification previews, compose with an attachment, reply, search,
// drafts, refused input, the server going away with work queued, coming back, sign-out) runs with console.* routed
// into the real electron-log file writer (electron-log/node: the same file transport as electron-log/main) and the
// host's activity log; then the file is searched for a canary planted in every subject, body and file name.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityLog } from '../../main/core/logging/activity-log.js';
import { LOG_MAX_BYTES, startFileLog } from '../../main/core/logging/file-log.js';
import {
  apiLogin,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

const CANARY = 'Zyxwv Canary-Patient';
const canaryFile = `${CANARY} lab results.pdf`;
let dir: string;
let file: string;
let server: EngineTestServer;
let t: TestEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pm-log-phi-'));
  file = join(dir, 'logs', 'main.log');
  log.transports.file.sync = true;
  startFileLog(log, file, { echo: false });
  server = await startEngineTestServer();
  t = makeEngine();
  t.engine.subscribe(activityLog((line) => console.info(line)));
  await t.engine.start();
});

afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('the log file through a realistic session', () => {
  it('records the session by state and ids, and never the canary', async () => {
    const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
    await t.engine.handlers.savePreferences({ notificationPrivacy: 'full' });
    const practiceId = session.practices[0]?.id ?? '';
    const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const desk = await apiLogin(server.url, 'frontdesk@sunrise.example');

    // Incoming, with a full notification preview.
    const incoming = await lee.call('POST', `/practices/${practiceId}/messages`, {
      clientId: randomUUID(),
      to: [desk.user.id],
      subject: `${CANARY} follow-up`,
      body: `Please call ${CANARY} about the results.`,
    });
    expect(incoming.status).toBe(201);
    await waitFor('the notification', () => t.notifier.raised.some((n) => n.body.includes(CANARY)));

    // Compose with an attachment, reply, search, drafts.
    const staged = await t.engine.handlers.stageFile({
      name: canaryFile,
      mimeType: 'application/pdf',
      base64: Buffer.from(`%PDF-1.4 ${CANARY}`).toString('base64'),
    });
    const sent = await t.engine.handlers.sendMessage({
      practiceId,
      to: [lee.user.id],
      subject: `Re ${CANARY}`,
      body: `${CANARY} is booked for Tuesday.`,
      attachments: [{ kind: 'file', id: staged.id }],
    });
    const incomingId = (incoming.body as { message: { id: string } }).message.id;
    await t.engine.handlers.reply({ messageId: incomingId, body: `Called ${CANARY}.` });
    await t.engine.handlers.searchMessages({ practiceId, query: CANARY });
    await t.engine.handlers.saveDraft({
      practiceId,
      draft: {
        to: [],
        patientId: null,
        encounterId: null,
        documentId: null,
        subject: CANARY,
        body: CANARY,
        attachments: [],
      },
    });
    await waitFor('sent and delivered', async () => {
      const thread = await t.engine.handlers.getThread({ messageId: sent.messageId }).catch(() => null);
      return thread?.messages.some((m) => m.delivery === 'delivered');
    });

    // Refused input, server-side and engine-side.
    await expect(
      t.engine.handlers.sendMessage({ practiceId, to: ['no-such-user'], subject: CANARY, body: CANARY }),
    ).rejects.toMatchObject({ code: 'unknown_recipient' });
    await expect(
      t.engine.handlers.sendMessage({
        practiceId,
        to: [lee.user.id],
        subject: `${CANARY} ${'x'.repeat(300)}`,
        body: '',
      }),
    ).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(t.engine.handlers.getThread({ messageId: CANARY })).rejects.toBeDefined();

    // The server goes away with work queued, then comes back.
    await server.stop();
    await t.engine.handlers.sendMessage({ practiceId, to: [lee.user.id], subject: `Offline ${CANARY}`, body: CANARY });
    await waitFor('offline', () => t.last('syncStatus')?.state === 'offline');
    await server.restart();
    t.engine.reconnectNow();
    await waitFor(
      'back online and flushed',
      () => {
        const status = t.last('syncStatus');
        return status?.state === 'online' && status.pendingOutbox === 0;
      },
      30_000,
    );
    await t.engine.handlers.signOut({});

    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/sync: \S+ -> online/);
    expect(text).toMatch(/sync: \S+ -> offline/);
    expect(text.toLowerCase()).not.toContain('zyxwv');
    expect(text.toLowerCase()).not.toContain('canary');
    expect(text).not.toContain(Buffer.from(CANARY).toString('base64').slice(0, 12));
  });

  it('rotates: one file of bounded size and the previous one', () => {
    expect(log.transports.file.maxSize).toBe(LOG_MAX_BYTES);
    expect(log.transports.file.getFile().path).toBe(file);
  });
});
