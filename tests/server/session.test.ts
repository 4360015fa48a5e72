// Sign-in, sign-out, token expiry and the failed-attempt limit; health and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse, LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { DEMO_PASSWORD, DEMO_PATIENTS, DEMO_STAFF } from '../../server/demo/accounts.js';
import { apiClient, errorCode } from '../support/practice-server-client.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let clock = Date.now();
const IDLE_MS = 60_000;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, tokenIdleMs: IDLE_MS });
});
afterAll(() => server.cleanup());

describe('health and openapi', () => {
  it('answers health without a token', async () => {
    const response = await apiClient(server.url)('GET', '/health');
    expect(response.status).toBe(200);
    expect(HealthResponse.parse(response.body).status).toBe('ok');
    // No SMTP_URL here: the health answer says email alerts are off (the settings screen tells users).
    expect(HealthResponse.parse(response.body).emailAlerts).toBe(false);
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const response = await apiClient(server.url)<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths['/api/v1/practices/{pid}/messages'] ?? {})).toContain('post');
    expect(JSON.stringify(response.body.paths['/api/v1/session'])).toContain('password');
    for (const path of [
      '/api/v1/sync',
      '/api/v1/live',
      '/api/v1/portal/messages',
      '/api/v1/practices/{pid}/attachments',
    ]) {
      expect(response.body.paths, path).toHaveProperty([path]);
    }
  });
});

describe('staff session', () => {
  it('signs in with the demo password and lists the practices', async () => {
    const response = await apiClient(server.url)('POST', '/session', {
      email: DEMO_STAFF.billing,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    const login = LoginResponse.parse(response.body);
    expect(login.practices.map((p) => p.name).sort()).toEqual(['Lakeside Pediatrics', 'Sunrise Family Medicine']);
    expect(Buffer.from(login.token, 'base64url').length).toBe(32);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const api = apiClient(server.url);
    const wrongPassword = await api('POST', '/session', { email: DEMO_STAFF.drLee, password: 'nope-nope' });
    const unknownEmail = await api('POST', '/session', { email: 'nobody@sunrise.example', password: DEMO_PASSWORD });
    expect([wrongPassword.status, unknownEmail.status]).toEqual([401, 401]);
    expect(errorCode(wrongPassword)).toBe('invalid_credentials');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('answers 429 after five failed attempts within a minute, even with the right password', async () => {
    const api = apiClient(server.url);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await api('POST', '/session', { email: DEMO_STAFF.nurse, password: `wrong-${attempt}` })).status).toBe(
        401,
      );
    }
    const locked = await api('POST', '/session', { email: DEMO_STAFF.nurse, password: DEMO_PASSWORD });
    expect(locked.status).toBe(429);
    expect(errorCode(locked)).toBe('too_many_attempts');
    clock += 61_000;
    expect((await api('POST', '/session', { email: DEMO_STAFF.nurse, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('revokes the token on DELETE /session at once', async () => {
    const login = LoginResponse.parse(
      (await apiClient(server.url)('POST', '/session', { email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD })).body,
    );
    const api = apiClient(server.url, login.token);
    expect((await api('GET', '/sync?limit=1')).status).toBe(200);
    expect((await api('DELETE', '/session')).status).toBe(204);
    const after = await api('GET', '/sync?limit=1');
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('invalid_token');
  });

  it('expires a token left idle longer than the idle limit, and keeps a used one alive', async () => {
    const login = LoginResponse.parse(
      (await apiClient(server.url)('POST', '/session', { email: DEMO_STAFF.drLee, password: DEMO_PASSWORD })).body,
    );
    const api = apiClient(server.url, login.token);
    clock += IDLE_MS - 1_000;
    expect((await api('GET', '/sync?limit=1')).status).toBe(200);
    clock += IDLE_MS - 1_000; // idle again for less than the limit since the last use
    expect((await api('GET', '/sync?limit=1')).status).toBe(200);
    clock += IDLE_MS + 1;
    const expired = await api('GET', '/sync?limit=1');
    expect(expired.status).toBe(401);
    expect(errorCode(expired)).toBe('token_expired');
  });

  it('answers 401 missing_token without a token and for a malformed Authorization header', async () => {
    const none = await apiClient(server.url)('GET', '/sync');
    expect(errorCode(none)).toBe('missing_token');
    const basic = await apiClient(server.url)('GET', '/sync', undefined, { authorization: 'Basic abc' });
    expect(basic.status).toBe(401);
  });
});

describe('portal session', () => {
  it('signs a patient in with their practice', async () => {
    const response = await apiClient(server.url)('POST', '/portal/session', {
      email: DEMO_PATIENTS.ben,
      password: DEMO_PASSWORD,
    });
    expect(response.status).toBe(200);
    const login = PortalLoginResponse.parse(response.body);
    expect(login.patient.name).toBe('Ben Okafor');
    expect(login.practice.name).toBe('Lakeside Pediatrics');
  });

  it('refuses a staff account on the portal and a patient on the staff sign-in', async () => {
    const api = apiClient(server.url);
    expect(
      (await api('POST', '/portal/session', { email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD })).status,
    ).toBe(401);
    expect((await api('POST', '/session', { email: DEMO_PATIENTS.ana, password: DEMO_PASSWORD })).status).toBe(401);
  });
});

describe('bodies', () => {
  it('accepts a DELETE with an empty JSON body, and refuses an empty JSON body where one is needed', async () => {
    const login = LoginResponse.parse(
      (await apiClient(server.url)('POST', '/session', { email: DEMO_STAFF.billing, password: DEMO_PASSWORD })).body,
    );
    const api = apiClient(server.url, login.token);
    const signOut = await api('DELETE', '/session', '', { 'content-type': 'application/json' });
    expect(signOut.status).toBe(204);
    const empty = await apiClient(server.url)('POST', '/session', '', { 'content-type': 'application/json' });
    expect([empty.status, errorCode(empty)]).toEqual([400, 'malformed_request']);
  });
});
