// Email alerts through a real SMTP server: sent only to users who asked (portal ones only when
// portal messages show in their inbox), retried after a refusal, and free of any PHI: a canary
// planted in subject, body and file name never appears, nor does the patient's name. The link opens
// the server's /open page at that message, by its id only.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadResponse } from '../../common/http/index.js';
import { DEMO_STAFF } from '../../server/demo/accounts.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { alertLink, emailQueueDrained, startSmtpSink, type SmtpSink } from '../support/practice-server-smtp.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const CANARY = 'CANARY-7f3a9';
const PUBLIC_URL = 'https://messages.sunrise.example';

let sink: SmtpSink;
let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ smtpUrl: sink.url, publicUrl: PUBLIC_URL, emailRetryBaseMs: 20 });
  w = await signInDemo(server.url);
  const set = (api: DemoWorld['lee']['api'], portalMessagesInInbox: boolean, emailNotifications: boolean) =>
    api('PUT', `/practices/${w.sunriseId}/settings`, { settings: { portalMessagesInInbox, emailNotifications } });
  await set(w.lee.api, false, true); // alerts on, portal messages hidden
  await set(w.desk.api, true, true); // alerts on, portal messages shown
  await set(w.billing.api, true, false); // alerts off
});
afterAll(async () => {
  await server.cleanup();
  await sink.close();
});

const drained = (): Promise<void> => emailQueueDrained(server);

describe('email alerts', () => {
  it('says in the health answer that this server can send them', async () => {
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(((await health.json()) as { emailAlerts?: boolean }).emailAlerts).toBe(true);
  });

  it('alerts only the recipients who asked, with no PHI, and a link to the public URL', async () => {
    sink.received.length = 0;
    const upload = await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 20,
      fileName: `${CANARY} results.pdf`,
    });
    const fileId = UploadResponse.parse(upload.body).attachment.id;
    const sent = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id, w.billing.login.user.id],
      subject: `Subject ${CANARY}`,
      body: `Body ${CANARY}`,
      patientId: w.ana.login.patient.id,
      attachments: [{ kind: 'file', id: fileId }],
    });
    expect(sent.status).toBe(201);
    await drained();
    expect(sink.received.map((e) => e.to)).toEqual([[DEMO_STAFF.drLee]]);
    const raw = sink.received[0]!.raw;
    expect(raw).toContain('Sunrise Family Medicine');
    // The page that offers "Open in Practice Messenger" at this message.
    const messageId = (sent.body as { message: { id: string } }).message.id;
    expect(alertLink(raw)).toBe(`${PUBLIC_URL}/open/message/${messageId}`);
    for (const secret of [CANARY, 'Ana Ruiz', 'Frances', 'results.pdf']) expect(raw).not.toContain(secret);
  });

  it('alerts for portal messages only those who show portal messages in their inbox', async () => {
    sink.received.length = 0;
    const sent = await w.ana.api('POST', '/portal/messages', {
      clientId: randomUUID(),
      subject: `Portal ${CANARY}`,
      body: `Body ${CANARY}`,
    });
    expect(sent.status).toBe(201);
    await drained();
    expect(sink.received.map((e) => e.to)).toEqual([[DEMO_STAFF.frontdesk]]);
    const messageId = (sent.body as { message: { id: string } }).message.id;
    expect(alertLink(sink.received[0]!.raw)).toBe(`${PUBLIC_URL}/open/message/${messageId}`);
    expect(sink.received[0]!.raw).not.toContain(CANARY);
    expect(sink.received[0]!.raw).not.toContain('Ana');
  });

  it('retries a refused delivery with backoff and never fails the send', async () => {
    sink.received.length = 0;
    sink.refuseNext(2);
    const refusedBefore = sink.refusedCount();
    const sent = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 's',
      body: 'b',
    });
    expect(sent.status).toBe(201);
    await drained();
    expect(sink.refusedCount() - refusedBefore).toBe(2);
    expect(sink.received.map((e) => e.to)).toEqual([[DEMO_STAFF.drLee]]);
  });
});

describe('with the SMTP server down', () => {
  it('still answers sends at once and keeps the alert queued for a retry', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const down = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${closedPort}`, emailRetryBaseMs: 60_000 });
    try {
      const world = await signInDemo(down.url);
      await world.lee.api('PUT', `/practices/${world.sunriseId}/settings`, {
        settings: { portalMessagesInInbox: true, emailNotifications: true },
      });
      const sent = await world.desk.api('POST', `/practices/${world.sunriseId}/messages`, {
        clientId: randomUUID(),
        to: [world.lee.login.user.id],
        subject: 's',
        body: 'b',
      });
      expect(sent.status).toBe(201);
      let idle = false;
      void down.emailQueueIdle().then(() => (idle = true));
      // The first attempt fails at once (connection refused); the retry is a minute away, so still queued.
      await new Promise((resolve) => setImmediate(resolve));
      expect(idle).toBe(false);
    } finally {
      await down.cleanup();
    }
  });
});

describe('without SMTP', () => {
  it('sends messages normally and queues nothing', async () => {
    const quiet = await startTestServer();
    try {
      const world = await signInDemo(quiet.url);
      await world.lee.api('PUT', `/practices/${world.sunriseId}/settings`, {
        settings: { portalMessagesInInbox: true, emailNotifications: true },
      });
      const sent = await world.desk.api('POST', `/practices/${world.sunriseId}/messages`, {
        clientId: randomUUID(),
        to: [world.lee.login.user.id],
        subject: 's',
        body: 'b',
      });
      expect(sent.status).toBe(201);
      await quiet.emailQueueIdle();
    } finally {
      await quiet.cleanup();
    }
  });
});
