// Staff and patient sign-in: password check, failed-attempt limit, token issue. The same answer
// for a wrong email and a wrong password, so sign-in never reveals who has an account.
import type { LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { ApiError } from '../errors.js';
import { patientByPortalEmail, staffByEmail, staffPractices } from '../storage/queries/people.js';
import { verifyPassword } from './auth/passwords.js';
import { issueToken } from './auth/tokens.js';
import type { ServerContext } from './context.js';

const invalidCredentials = (): ApiError =>
  new ApiError(401, 'invalid_credentials', 'The email or password is not right. Check both and try again.');
const tooManyAttempts = (): ApiError =>
  new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins for this email. Wait a minute, then try again.');

async function checkPassword(
  ctx: ServerContext,
  limiterKey: string,
  password: string,
  hash: string | null | undefined,
): Promise<void> {
  if (ctx.limiter.isLocked(limiterKey)) throw tooManyAttempts();
  if (!(await verifyPassword(password, hash))) {
    ctx.limiter.recordFailure(limiterKey);
    throw invalidCredentials();
  }
  ctx.limiter.recordSuccess(limiterKey);
}

export async function signInStaff(ctx: ServerContext, email: string, password: string): Promise<LoginResponse> {
  const row = await staffByEmail(ctx.db, email);
  await checkPassword(ctx, `staff:${email.trim().toLowerCase()}`, password, row?.password_hash);
  if (!row) throw invalidCredentials();
  const practices = await staffPractices(ctx.db, row.id);
  const token = await issueToken(ctx.db, { kind: 'staff', subjectId: row.id }, ctx.now());
  return { token, user: { id: row.id, name: row.name, email: row.email }, practices };
}

export async function signInPatient(ctx: ServerContext, email: string, password: string): Promise<PortalLoginResponse> {
  const row = await patientByPortalEmail(ctx.db, email);
  await checkPassword(ctx, `patient:${email.trim().toLowerCase()}`, password, row?.password_hash);
  if (!row) throw invalidCredentials();
  const token = await issueToken(ctx.db, { kind: 'patient', subjectId: row.id }, ctx.now());
  return {
    token,
    patient: { id: row.id, name: row.name },
    practice: { id: row.practice_id, name: row.practice_name },
  };
}
