// Passwords are stored at OWASP's scrypt level (N=2^17, r=8, p=1) with the parameters in the hash;
// an old N=2^14 hash still signs in and is replaced by a full-strength one on that sign-in.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PATIENTS, DEMO_STAFF } from '../../server/demo/accounts.js';
import { PASSWORD_HASHING } from '../../server/services/auth/passwords.js';
import { apiClient } from '../support/practice-server-client.js';
import { openProbe, type DatabaseProbe } from '../support/practice-server-probe.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let probe: DatabaseProbe;

beforeAll(async () => {
  server = await startTestServer({ passwordHashing: PASSWORD_HASHING });
  probe = await openProbe(server);
});
afterAll(async () => {
  await probe.close();
  await server.cleanup();
});

const staffHash = async (email: string): Promise<string> =>
  (await probe.db.selectFrom('staff').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow())
    .password_hash;

/** The first format: `scrypt1$<salt hex>$<key hex>` at N=2^14, r=8, p=1. */
function legacyHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt1$${salt.toString('hex')}$${key.toString('hex')}`;
}

const signIn = (email: string, password: string) => apiClient(server.url)('POST', '/session', { email, password });

describe('password hashing', () => {
  it('stores new hashes at N=2^17, r=8, p=1, the parameters written in the hash', async () => {
    expect(await staffHash(DEMO_STAFF.frontdesk)).toMatch(
      /^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/,
    );
    const patient = await probe.db
      .selectFrom('patients')
      .select('password_hash')
      .where('portal_email', '=', DEMO_PATIENTS.ana)
      .executeTakeFirstOrThrow();
    expect(patient.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
  });

  it('signs in with an old N=2^14 hash and upgrades it; a wrong password leaves it alone', async () => {
    const old = legacyHash(DEMO_PASSWORD);
    await probe.db.updateTable('staff').set({ password_hash: old }).where('email', '=', DEMO_STAFF.billing).execute();
    expect((await signIn(DEMO_STAFF.billing, 'not-the-password')).status).toBe(401);
    expect(await staffHash(DEMO_STAFF.billing)).toBe(old);
    expect((await signIn(DEMO_STAFF.billing, DEMO_PASSWORD)).status).toBe(200);
    const upgraded = await staffHash(DEMO_STAFF.billing);
    expect(upgraded).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect((await signIn(DEMO_STAFF.billing, DEMO_PASSWORD)).status).toBe(200);
    expect(await staffHash(DEMO_STAFF.billing)).toBe(upgraded); // already strong: not rehashed again
  });
});
