// Password hashing with scrypt at OWASP's level (N=2^17, r=8, p=1), a per-user random salt and the
// parameters kept in the stored string, so old hashes still verify and can be upgraded on sign-in.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^ln, block size r, parallelism p. */
export interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

/** What new hashes use (OWASP Password Storage Cheat Sheet: N=2^17, r=8, p=1; 128 MiB, ~0.4 s). */
export const PASSWORD_HASHING: ScryptParams = { ln: 17, r: 8, p: 1 };

const KEY_BYTES = 32;
// The first format (`scrypt1$<salt hex>$<key hex>`) always used N=2^14, r=8, p=1.
const LEGACY_PREFIX = 'scrypt1';
const LEGACY_PARAMS: ScryptParams = { ln: 14, r: 8, p: 1 };
// PHC string format: $scrypt$ln=17,r=8,p=1$<salt>$<key>, salt and key in unpadded base64.
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{16,})$/;

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
  legacy: boolean;
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptParams): Promise<Buffer> {
  const N = 2 ** ln;
  // scrypt needs 128 * N * r bytes; Node refuses past maxmem (32 MiB by default), so allow twice that.
  const maxmem = 2 * 128 * N * r;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_BYTES, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/** The stored form of a password: `$scrypt$ln=..,r=..,p=..$<salt>$<key>`. */
export async function hashPassword(password: string, params: ScryptParams = PASSWORD_HASHING): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

function parse(stored: string): ParsedHash | null {
  const phc = PHC.exec(stored);
  if (phc) {
    const [ln, r, p] = [Number(phc[1]), Number(phc[2]), Number(phc[3])];
    // Bounds keep a tampered row from asking for an absurd amount of work or memory.
    if (ln < 1 || ln > 20 || r < 1 || r > 16 || p < 1 || p > 4) return null;
    return {
      params: { ln, r, p },
      salt: Buffer.from(phc[4]!, 'base64'),
      key: Buffer.from(phc[5]!, 'base64'),
      legacy: false,
    };
  }
  const [prefix, saltHex, keyHex] = stored.split('$');
  if (prefix !== LEGACY_PREFIX || !saltHex || !keyHex) return null;
  return { params: LEGACY_PARAMS, salt: Buffer.from(saltHex, 'hex'), key: Buffer.from(keyHex, 'hex'), legacy: true };
}

/** True when a stored hash was made with weaker parameters than `target` (or in the old format). */
function weakerThan(hash: ParsedHash, target: ScryptParams): boolean {
  return hash.legacy || hash.params.ln < target.ln || hash.params.r < target.r || hash.params.p < target.p;
}

export interface PasswordCheck {
  ok: boolean;
  /** The password was right but its hash is below `target`: store hashPassword(password) now. */
  needsRehash: boolean;
}

/**
 * Checks `password` against `stored`, with the parameters written in it. With no stored hash (unknown
 * email) it still derives once at `target` cost, so a wrong email costs as long as a wrong password.
 */
export async function verifyPassword(
  password: string,
  stored: string | null | undefined,
  target: ScryptParams = PASSWORD_HASHING,
): Promise<PasswordCheck> {
  const parsed = stored ? parse(stored) : null;
  if (!parsed) {
    await derive(password, Buffer.alloc(16), target);
    return { ok: false, needsRehash: false };
  }
  const actual = await derive(password, parsed.salt, parsed.params);
  const ok = parsed.key.length === actual.length && timingSafeEqual(parsed.key, actual);
  return { ok, needsRehash: ok && weakerThan(parsed, target) };
}
