// Reach: another user's message, another practice's objects, patient tokens on staff routes and
// staff tokens on portal routes. Everything outside the caller's reach is 404 (or 401 for the
// wrong kind of token), never a hint that the object exists.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentsResponse, PatientResponse, SendMessageResponse } from '../../common/http/index.js';
import { errorCode, type Api } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

const expectStatus = async (api: Api, method: string, path: string, status: number, body?: unknown) => {
  const response = await api(method, path, body);
  expect(response.status, `${method} ${path}`).toBe(status);
  if (status >= 400) errorCode(response);
};

describe('authorization', () => {
  it('answers 404 for every route of a practice the caller is not in', async () => {
    const pid = w.sunriseId;
    const routes: [string, string, unknown?][] = [
      ['GET', `/practices/${pid}/users`],
      ['GET', `/practices/${pid}/patients`],
      ['GET', `/practices/${pid}/documents`],
      ['GET', `/practices/${pid}/settings`],
      ['PUT', `/practices/${pid}/settings`, { settings: { portalMessagesInInbox: true, emailNotifications: true } }],
      [
        'POST',
        `/practices/${pid}/messages`,
        { clientId: randomUUID(), to: [w.desk.login.user.id], subject: 's', body: 'b' },
      ],
    ];
    for (const [method, path, body] of routes) await expectStatus(w.nurse.api, method, path, 404, body);
    await expectStatus(w.nurse.api, 'GET', '/practices/no-such-practice/users', 404);
  });

  it("hides another practice's records even when the caller knows the ids", async () => {
    const docs = DocumentsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/documents`)).body,
    ).documents;
    const doc = docs[0]!;
    const patient = PatientResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients/${w.ana.login.patient.id}`)).body,
    ).patient;
    const encounter = patient.encounters[0]!;
    for (const path of [
      `/practices/${w.lakesideId}/documents/${doc.id}/content`,
      `/practices/${w.lakesideId}/patients/${patient.id}`,
      `/practices/${w.lakesideId}/encounters/${encounter.id}`,
      `/practices/${w.sunriseId}/documents/${doc.id}/content`,
    ]) {
      await expectStatus(w.nurse.api, 'GET', path, 404);
    }
    // The billing user belongs to both, yet a Sunrise id under Lakeside's address is still 404.
    await expectStatus(w.billing.api, 'GET', `/practices/${w.lakesideId}/patients/${patient.id}`, 404);
    await expectStatus(w.billing.api, 'GET', `/practices/${w.sunriseId}/patients/${patient.id}`, 200);
  });

  it("hides another user's message in the same practice", async () => {
    const sent = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'Private',
      body: 'b',
    });
    const { message } = SendMessageResponse.parse(sent.body);
    await expectStatus(w.billing.api, 'GET', `/practices/${w.sunriseId}/messages/${message.id}`, 404);
    await expectStatus(w.billing.api, 'PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, 404, {
      read: true,
    });
    await expectStatus(w.lee.api, 'GET', `/practices/${w.lakesideId}/messages/${message.id}`, 404);
  });

  it('refuses patient tokens on staff routes and staff tokens on portal routes (401)', async () => {
    for (const [method, path] of [
      ['GET', '/sync'],
      ['GET', `/practices/${w.sunriseId}/users`],
      ['GET', `/practices/${w.sunriseId}/patients`],
      ['DELETE', '/session'],
    ] as const) {
      const response = await w.ana.api(method, path);
      expect([response.status, errorCode(response)], path).toEqual([401, 'invalid_token']);
    }
    for (const [method, path, body] of [
      ['GET', '/portal/messages', undefined],
      ['POST', '/portal/messages', { clientId: randomUUID(), subject: 's', body: 'b' }],
    ] as const) {
      const response = await w.desk.api(method, path, body);
      expect([response.status, errorCode(response)], path).toEqual([401, 'invalid_token']);
    }
  });

  it('answers 401 on every protected route without a token', async () => {
    for (const [method, path] of [
      ['GET', '/sync'],
      ['GET', `/practices/${w.sunriseId}/users`],
      ['GET', '/portal/messages'],
      ['GET', '/attachments/x'],
      ['DELETE', '/session'],
    ] as const) {
      const response = await w.anonymous(method, path);
      expect([response.status, errorCode(response)], path).toEqual([401, 'missing_token']);
    }
  });
});
