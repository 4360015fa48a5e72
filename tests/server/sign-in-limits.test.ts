// The sign-in limits hold under parallel requests: an attempt is reserved before the slow hash, per
// email and per client address, and a ceiling on hash work refuses a flood instead of queueing it all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PATIENTS, DEMO_STAFF } from '../../server/demo/accounts.js';
import { PASSWORD_HASHING } from '../../server/services/auth/passwords.js';
import { PER_ADDRESS_LIMIT } from '../../server/services/auth/attempt-limiter.js';
import { addressKey } from '../../server/services/sign-in.js';
import { apiClient, errorCode, type ApiResponse } from '../support/practice-server-client.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;

beforeAll(async () => {
  // Behind a (pretend) proxy on loopback, so each test can speak from its own client address.
  server = await startTestServer({ trustProxy: '127.0.0.1' });
});
afterAll(() => server.cleanup());

let nextAddress = 1;
/** A fresh client address (TEST-NET-3), as the proxy would forward it. */
const freshAddress = (): string => `203.0.113.${nextAddress++}`;

const signIn = (path: '/session' | '/portal/session', email: string, password: string, address: string) =>
  apiClient(server.url)('POST', path, { email, password }, { 'x-forwarded-for': address });

/** Status and code of each answer, counted: e.g. {"401 invalid_credentials": 5, "429 too_many_attempts": 35}. */
function tally(responses: ApiResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.status === 200 ? '200' : `${r.status} ${errorCode(r)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('failed sign-ins per email', () => {
  it.each([
    ['/session', DEMO_STAFF.nurse],
    ['/portal/session', DEMO_PATIENTS.ben],
  ] as const)('checks exactly 5 of 40 parallel wrong passwords on %s, the rest 429', async (path, email) => {
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => signIn(path, email, `wrong-${n}`, address)));
    expect(tally(answers)).toEqual({ '401 invalid_credentials': 5, '429 too_many_attempts': 35 });
    expect((await signIn(path, email, DEMO_PASSWORD, address)).status).toBe(429);
  });
});

describe('failed sign-ins per client address', () => {
  it.each(['/session', '/portal/session'] as const)(
    'checks at most the address limit of 40 parallel random emails on %s, the rest 429',
    async (path) => {
      const address = freshAddress();
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => signIn(path, `${randomUUID()}@example.org`, 'guess', address)),
      );
      expect(tally(answers)).toEqual({
        '401 invalid_credentials': PER_ADDRESS_LIMIT.maxFailures,
        '429 too_many_attempts_from_address': 40 - PER_ADDRESS_LIMIT.maxFailures,
      });
      // Another address is not held back by this one.
      expect((await signIn(path, `${randomUUID()}@example.org`, 'guess', freshAddress())).status).toBe(401);
    },
  );

  it('counts a whole IPv6 /64 as one address, and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2::5')).toBe(addressKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(addressKey('2001:db8:1:2::5')).not.toBe(addressKey('2001:db8:1:3::5'));
    expect(addressKey('::ffff:198.51.100.7')).toBe(addressKey('198.51.100.7'));
    expect(addressKey('::1')).toBe('address:0:0:0:0::/64');
  });
});

describe('the ceiling on password-hash work', () => {
  let slow: TestPracticeServer;
  beforeAll(async () => {
    // Full-strength hashing, one hash at a time and no queue: a flood finds the ceiling at once.
    slow = await startTestServer({
      trustProxy: '127.0.0.1',
      passwordHashing: PASSWORD_HASHING,
      hashGateLimits: { running: 1, waiting: 0 },
    });
  });
  afterAll(() => slow.cleanup());

  it('refuses a flood of random emails past the ceiling with 429 sign_in_busy, and lets people in after', async () => {
    const api = apiClient(slow.url);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        api(
          'POST',
          '/session',
          { email: `${randomUUID()}@example.org`, password: 'guess' },
          { 'x-forwarded-for': `198.51.100.${n + 1}` },
        ),
      ),
    );
    expect(tally(answers)).toEqual({ '401 invalid_credentials': 1, '429 sign_in_busy': 9 });
    // Refused attempts were never checked, so they count against no email and no address.
    const after = await api('POST', '/session', { email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD });
    expect(after.status).toBe(200);
  });
});
