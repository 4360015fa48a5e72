// clientId idempotency: a retry is 200 with the stored message, different content is 409, and
// concurrent duplicates make exactly one message.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageResponse } from '../../common/http/index.js';
import { errorCode } from '../support/practice-server-client.js';
import { sendDeskToLee, signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;
let deskId: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
  deskId = w.desk.login.user.id;
});
afterAll(() => server.cleanup());

const send = (overrides: Record<string, unknown> = {}) => sendDeskToLee(w, overrides);

describe('idempotency', () => {
  it('answers 200 with the stored message for a retry, 409 for different content', async () => {
    const clientId = randomUUID();
    const first = await send({ clientId, subject: 'Once' });
    const retry = await send({ clientId, subject: 'Once' });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(SendMessageResponse.parse(retry.body).message).toEqual(SendMessageResponse.parse(first.body).message);
    const conflict = await send({ clientId, subject: 'Twice' });
    expect([conflict.status, errorCode(conflict)]).toEqual([409, 'idempotency_conflict']);
  });

  it('makes exactly one message from concurrent duplicates', async () => {
    const clientId = randomUUID();
    const responses = await Promise.all(Array.from({ length: 12 }, () => send({ clientId, subject: 'Concurrent' })));
    expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([...Array<number>(11).fill(200), 201]);
    const ids = new Set(responses.map((r) => SendMessageResponse.parse(r.body).message.id));
    expect(ids.size).toBe(1);
  });

  it('scopes clientIds per sender: another sender may reuse one', async () => {
    const clientId = randomUUID();
    expect((await send({ clientId })).status).toBe(201);
    const other = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId,
      to: [deskId],
      subject: 'Call back',
      body: 'Please call the pharmacy.',
    });
    expect(other.status).toBe(201);
  });
});
