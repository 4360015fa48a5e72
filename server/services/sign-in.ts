// Staff and patient sign-in: failed-attempt limits (per email and per client address, reserved
// before the slow hash), a ceiling on hash work, the password check, token issue, and upgrading an
// old hash. The same answer for a wrong email and a wrong password: sign-in never reveals accounts.
import type { LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { ApiError } from '../errors.js';
import { patientByPortalEmail, replacePasswordHash, staffByEmail, staffPractices } from '../storage/queries/people.js';
import type { AttemptOutcome } from './auth/attempt-limiter.js';
import { HashGateFull, type HashGate } from './auth/hash-gate.js';
import { hashPassword, verifyPassword } from './auth/passwords.js';
import { issueToken } from './auth/tokens.js';
import type { ServerContext } from './context.js';

const invalidCredentials = (): ApiError =>
  new ApiError(401, 'invalid_credentials', 'The email or password is not right. Check both and try again.');
const tooManyAttempts = (): ApiError =>
  new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins for this email. Wait a minute, then try again.');
const tooManyFromAddress = (): ApiError =>
  new ApiError(
    429,
    'too_many_attempts_from_address',
    'Too many failed sign-ins from your network address. Wait a minute, then try again.',
  );
const busy = (): ApiError =>
  new ApiError(429, 'sign_in_busy', 'The server is handling many sign-ins right now. Try again in a few seconds.');

interface Account {
  table: 'staff' | 'patients';
  id: string;
  hash: string | null;
}

/** Throws unless `password` is right; `account` null (unknown email) still costs one hash. */
async function checkPassword(
  ctx: ServerContext,
  keys: { email: string; address: string },
  password: string,
  account: Account | null,
): Promise<void> {
  const { perEmail, perAddress, hashGate, hashing } = ctx.signIn;
  if (!(await perEmail.reserve(keys.email))) throw tooManyAttempts();
  if (!(await perAddress.reserve(keys.address))) {
    await perEmail.settle(keys.email, 'unchecked');
    throw tooManyFromAddress();
  }
  let outcome: AttemptOutcome = 'unchecked';
  let needsRehash = false;
  try {
    const check = await hashGate.run(() => verifyPassword(password, account?.hash, hashing));
    outcome = check.ok && account ? 'succeeded' : 'failed';
    needsRehash = check.needsRehash;
  } catch (error) {
    throw error instanceof HashGateFull ? busy() : error;
  } finally {
    await Promise.all([perEmail.settle(keys.email, outcome), perAddress.settle(keys.address, outcome)]);
  }
  if (outcome !== 'succeeded' || !account) throw invalidCredentials();
  if (needsRehash) await upgradeHash(ctx, hashGate, account, password);
}

/** Re-hashes at today's parameters; skipped (tried again next time) when hash work is at its ceiling. */
async function upgradeHash(ctx: ServerContext, gate: HashGate, account: Account, password: string): Promise<void> {
  const fresh = await gate
    .run(() => hashPassword(password, ctx.signIn.hashing))
    .catch((error: unknown) => {
      if (error instanceof HashGateFull) return null;
      throw error;
    });
  // Only if unchanged meanwhile: a password changed in between must not be overwritten.
  if (fresh && account.hash) await replacePasswordHash(ctx.db, account.table, account.id, account.hash, fresh);
}

const emailKey = (kind: 'staff' | 'patient', email: string): string => `${kind}:${email.trim().toLowerCase()}`;

/**
 * The limiter key of a client address: an IPv4 address as is (IPv4-mapped IPv6 unwrapped); an IPv6
 * address by its /64 network, since one host is usually given a whole /64 to pick addresses from.
 */
export function addressKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4 || !ip.includes(':')) return `address:${v4?.[1] ?? ip}`;
  const [head = '', tail] = ip.split('%')[0]!.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `address:${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export async function signInStaff(
  ctx: ServerContext,
  email: string,
  password: string,
  address: string,
): Promise<LoginResponse> {
  const row = await staffByEmail(ctx.db, email);
  const account = row ? { table: 'staff' as const, id: row.id, hash: row.password_hash } : null;
  await checkPassword(ctx, { email: emailKey('staff', email), address: addressKey(address) }, password, account);
  if (!row) throw invalidCredentials();
  const practices = await staffPractices(ctx.db, row.id);
  const token = await issueToken(ctx.db, { kind: 'staff', subjectId: row.id }, ctx.now());
  return { token, user: { id: row.id, name: row.name, email: row.email }, practices };
}

export async function signInPatient(
  ctx: ServerContext,
  email: string,
  password: string,
  address: string,
): Promise<PortalLoginResponse> {
  const row = await patientByPortalEmail(ctx.db, email);
  const account = row ? { table: 'patients' as const, id: row.id, hash: row.password_hash } : null;
  await checkPassword(ctx, { email: emailKey('patient', email), address: addressKey(address) }, password, account);
  if (!row) throw invalidCredentials();
  const token = await issueToken(ctx.db, { kind: 'patient', subjectId: row.id }, ctx.now());
  return {
    token,
    patient: { id: row.id, name: row.name },
    practice: { id: row.practice_id, name: row.practice_name },
  };
}
