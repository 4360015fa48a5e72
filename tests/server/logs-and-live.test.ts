// Logs carry ids and statuses but no PHI (a canary in subject, body, search and file name never
// shows), and the live socket drops a peer that stopped answering pings.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { openLive } from '../support/practice-server-live.js';
import { waitFor } from '../support/practice-server-client.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const CANARY = 'CANARY-LOG-51c2';
const lines: string[] = [];
let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer({
    logger: true,
    logStream: { write: (line) => void lines.push(line) },
    livePingMs: 50,
  });
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

describe('logs', () => {
  it('log JSON lines with paths and statuses, and no subject, body, search, file name, token or email', async () => {
    await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: `S ${CANARY}`,
      body: `B ${CANARY}`,
    });
    await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: ['nobody'],
      subject: `S ${CANARY}`,
      body: 'b',
    });
    await w.desk.api('GET', `/practices/${w.sunriseId}/patients?query=${CANARY}`);
    await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 10,
      fileName: `${CANARY}.pdf`,
    });
    await w.anonymous('POST', '/session', { email: `${CANARY}@x.example`, password: CANARY });
    const parsed = lines.map((line) => JSON.parse(line) as { res?: { statusCode?: number }; req?: { path?: string } });
    expect(parsed.some((entry) => entry.res?.statusCode === 201)).toBe(true);
    expect(parsed.some((entry) => entry.res?.statusCode === 422)).toBe(true);
    expect(parsed.some((entry) => entry.req?.path === `/api/v1/practices/${w.sunriseId}/patients`)).toBe(true);
    const all = lines.join('\n');
    for (const secret of [CANARY, w.desk.token, 'frontdesk@sunrise.example', 'Ana Ruiz', 'Frances'])
      expect(all).not.toContain(secret);
  });
});

describe('live socket liveness', () => {
  it('terminates a socket that stops answering pings', async () => {
    const live = await openLive(server.url);
    live.socket.send(JSON.stringify({ type: 'auth', token: w.lee.token }));
    await live.next((m) => m.type === 'ready');
    expect(server.liveSocketCount()).toBe(1);
    // Stop reading, like a peer that vanished: pings go unanswered and the server must drop it.
    (live.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    await waitFor(() => server.liveSocketCount() === 0, 5_000);
    live.socket.terminate();
  });
});
