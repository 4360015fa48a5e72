// Malformed and random input across routes (a bounded, seeded loop): never a 5xx, never a crash,
// always the error shape, and nothing stored (every feed cursor and inbox stays as it was).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncResponse } from '../../common/http/index.js';
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

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzer(next: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const text = (): string =>
    pick([
      '',
      ' ',
      'a',
      '0',
      '-1',
      'null',
      '\u0000',
      '\u202e\u0301',
      '😀',
      '../../etc/passwd',
      '%',
      "'; DROP TABLE messages;--",
      'x'.repeat(300),
      'c1',
      'cZZZZZZZZZZZZ',
    ]);
  const value = (depth: number): unknown => {
    const kind = Math.floor(next() * (depth > 2 ? 6 : 8));
    switch (kind) {
      case 0:
        return null;
      case 1:
        return next() < 0.5;
      case 2:
        return pick([0, -1, 1.5, 1e308, Number.MAX_SAFE_INTEGER, 1001]);
      case 3:
      case 4:
      case 5:
        return text();
      case 6:
        return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      default:
        return object(depth + 1);
    }
  };
  const FIELDS = [
    'clientId',
    'to',
    'subject',
    'body',
    'patientId',
    'encounterId',
    'documentId',
    'attachments',
    'inReplyTo',
    'read',
    'flagged',
    'archived',
    'settings',
    'email',
    'password',
    'kind',
    'id',
    '__proto__',
    'constructor',
  ];
  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 6); i > 0; i -= 1) out[pick(FIELDS)] = value(depth);
    return out;
  };
  const body = (): { raw: string; type: string } => {
    const roll = next();
    if (roll < 0.15)
      return {
        raw: pick(['{', '{"a":', '[1,2', 'nul', '"\\ud800"', '{"to":[]}}', '\u0000']),
        type: 'application/json',
      };
    if (roll < 0.22)
      return {
        raw: text(),
        type: pick([
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/x-www-form-urlencoded',
        ]),
      };
    return { raw: JSON.stringify(next() < 0.85 ? object(0) : value(0)), type: 'application/json' };
  };
  return { pick, text, body };
}

async function feedCursors(): Promise<string[]> {
  const cursors: string[] = [];
  for (const staff of [w.desk, w.lee, w.billing, w.nurse]) {
    cursors.push(SyncResponse.parse((await staff.api('GET', '/sync?limit=1000')).body).cursor);
  }
  cursors.push(JSON.stringify((await w.ana.api('GET', '/portal/messages')).body).length.toString());
  return cursors;
}

describe('fuzz', () => {
  it('answers random bodies, params and queries with 4xx and the error shape, storing nothing', async () => {
    const f = fuzzer(random(20261127));
    const before = await feedCursors();
    const segment = (): string => encodeURIComponent(f.pick([w.sunriseId, w.lakesideId, f.text(), 'x']));
    const routes: [Api, string, () => string][] = [
      [w.desk.api, 'POST', () => `/practices/${segment()}/messages`],
      [w.desk.api, 'POST', () => `/practices/${w.sunriseId}/messages`],
      [w.desk.api, 'PATCH', () => `/practices/${segment()}/messages/${segment()}/state`],
      [w.desk.api, 'PUT', () => `/practices/${w.lakesideId}/settings`],
      [
        w.desk.api,
        'GET',
        () =>
          `/practices/${segment()}/patients?query=${encodeURIComponent(f.text())}&limit=${encodeURIComponent(f.text())}`,
      ],
      [w.desk.api, 'GET', () => `/practices/${segment()}/documents/${segment()}/content`],
      [w.desk.api, 'GET', () => `/sync?after=${encodeURIComponent(f.text())}&limit=${encodeURIComponent(f.text())}`],
      [w.ana.api, 'POST', () => '/portal/messages'],
      [w.anonymous, 'POST', () => '/session'],
      [w.anonymous, 'POST', () => '/portal/session'],
      [w.desk.api, 'DELETE', () => `/practices/${segment()}/messages/${segment()}`],
    ].map(([api, method, path]) => [api as Api, method as string, path as () => string]);
    const statuses = new Map<number, number>();
    for (let round = 0; round < 400; round += 1) {
      const [api, method, path] = f.pick(routes);
      const { raw, type } = f.body();
      const url = path();
      const response = await api(
        method,
        url,
        method === 'GET' || method === 'DELETE' ? undefined : raw,
        method === 'GET' || method === 'DELETE' ? {} : { 'content-type': type },
      );
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `${method} ${url} ${raw.slice(0, 120)}`).toBeLessThan(500);
      if (response.status >= 400) errorCode(response);
      // A PATCH with {} and a GET with a valid query may succeed; nothing else may.
      if (response.status < 300)
        expect([method, response.status], `${method} ${url} ${raw.slice(0, 120)}`).toEqual([method, 200]);
      if (method === 'PUT' || method === 'POST')
        expect(response.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
    }
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 422)).toBe(true);
    expect(await feedCursors()).toEqual(before);
    expect((await w.anonymous('GET', '/health')).status).toBe(200);
  });

  it('survives raw protocol abuse: bad JSON nesting, huge headers, a body that lies about its length', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const nested = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, deep, {
      'content-type': 'application/json',
    });
    expect(nested.status).toBe(400);
    const huge = await w.desk.api(
      'POST',
      `/practices/${w.sunriseId}/messages`,
      JSON.stringify({ body: 'x'.repeat(3 * 1024 * 1024) }),
    );
    expect([huge.status, errorCode(huge)]).toEqual([413, 'body_too_large']);
    const proto = await w.desk.api(
      'PATCH',
      `/practices/${w.sunriseId}/messages/x/state`,
      '{"__proto__":{"read":true}}',
      { 'content-type': 'application/json' },
    );
    expect(proto.status).toBeLessThan(500);
    expect((await w.anonymous('GET', '/health')).status).toBe(200);
  });
});
