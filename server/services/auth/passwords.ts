// Password hashing with scrypt and a per-user random salt; verification in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
const COST = 16384; // N: ~50 ms per hash on the reference machine, the usual interactive setting.
const PREFIX = 'scrypt1';

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, { N: COST, r: 8, p: 1 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt1$<salt hex>$<key hex>`: the stored form of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `${PREFIX}$${salt.toString('hex')}$${key.toString('hex')}`;
}

// Checked against when the email is unknown, so that a wrong email costs as long as a wrong password.
const DUMMY_HASH = `${PREFIX}$${'00'.repeat(16)}$${'00'.repeat(KEY_BYTES)}`;

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const [prefix, saltHex, keyHex] = (stored ?? DUMMY_HASH).split('$');
  if (prefix !== PREFIX || !saltHex || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await derive(password, Buffer.from(saltHex, 'hex'));
  return stored != null && expected.length === actual.length && timingSafeEqual(expected, actual);
}
