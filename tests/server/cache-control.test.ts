// Every answer of the API says `Cache-Control: no-store` (PHI and tokens must stay out of browser,
// proxy and OS caches): sign-in, reads, writes, downloads and errors alike.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageResponse, UploadResponse } from '../../common/http/index.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/accounts.js';
import { apiClient, type ApiResponse } from '../support/practice-server-client.js';
import { sendDeskToLee, signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

describe('Cache-Control: no-store', () => {
  it('is on every answer, across routes, successes and errors', async () => {
    const sent = SendMessageResponse.parse((await sendDeskToLee(w)).body).message;
    const file = UploadResponse.parse(
      (await uploadStream({ baseUrl: server.url, token: w.desk.token, practiceId: w.sunriseId, size: 10 })).body,
    ).attachment;
    const p = `/practices/${w.sunriseId}`;
    const answers: Record<string, ApiResponse> = {
      'POST /session': await apiClient(server.url)('POST', '/session', {
        email: DEMO_STAFF.drLee,
        password: DEMO_PASSWORD,
      }),
      'POST /session (401)': await apiClient(server.url)('POST', '/session', { email: 'x@y.z', password: 'nope' }),
      'GET /sync': await w.desk.api('GET', '/sync?limit=5'),
      'GET /sync (401)': await apiClient(server.url)('GET', '/sync'),
      'GET users': await w.desk.api('GET', `${p}/users`),
      'GET patients': await w.desk.api('GET', `${p}/patients?query=a`),
      'GET documents': await w.desk.api('GET', `${p}/documents?query=`),
      'GET message': await w.desk.api('GET', `${p}/messages/${sent.id}`),
      'PATCH state': await w.lee.api('PATCH', `${p}/messages/${sent.id}/state`, { read: true }),
      'POST message (422)': await sendDeskToLee(w, { to: ['nobody'] }),
      'DELETE message (405)': await w.desk.api('DELETE', `${p}/messages/${sent.id}`),
      'GET settings': await w.desk.api('GET', `${p}/settings`),
      'PUT settings': await w.desk.api('PUT', `${p}/settings`, {
        portalMessagesInInbox: true,
        emailNotifications: false,
      }),
      'GET other practice (404)': await w.nurse.api('GET', `${p}/users`),
      'GET /portal/messages': await w.ana.api('GET', '/portal/messages'),
      'POST /portal/messages': await w.ana.api('POST', '/portal/messages', {
        clientId: randomUUID(),
        subject: 'Q',
        body: 'B',
      }),
    };
    const download = await fetch(`${server.url}/api/v1/attachments/${file.id}`, {
      headers: { authorization: `Bearer ${w.desk.token}` },
    });
    await download.arrayBuffer();
    const headers = Object.fromEntries(
      [
        ...Object.entries(answers).map(([k, r]) => [k, r.headers] as const),
        ['GET attachment', download.headers] as const,
      ].map(([k, h]) => [k, h.get('cache-control')]),
    );
    expect(headers).toEqual(Object.fromEntries(Object.keys(headers).map((k) => [k, 'no-store'])));
  });
});
