// Staff and patient sign-in: password check, failed-attempt limit, token issue. The same answer
// for a wrong email and a wrong password, so sign-in never reveals who has an account.
import type { LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { sql } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import type { ServerContext } from '../http/context.js';
import { verifyPassword } from './auth/passwords.js';
import { issueToken } from './auth/tokens.js';

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

interface StaffRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
}

export async function signInStaff(ctx: ServerContext, email: string, password: string): Promise<LoginResponse> {
  const row = sql(ctx.db, 'SELECT id, name, email, password_hash FROM staff WHERE email = ?').get(email.trim()) as
    StaffRow | undefined;
  await checkPassword(ctx, `staff:${email.trim().toLowerCase()}`, password, row?.password_hash);
  if (!row) throw invalidCredentials();
  const practices = sql(
    ctx.db,
    'SELECT p.id, p.name FROM memberships m JOIN practices p ON p.id = m.practice_id WHERE m.staff_id = ? ORDER BY p.name',
  ).all(row.id) as { id: string; name: string }[];
  const token = issueToken(ctx.db, { kind: 'staff', subjectId: row.id }, ctx.now());
  return { token, user: { id: row.id, name: row.name, email: row.email }, practices };
}

interface PatientRow {
  id: string;
  name: string;
  password_hash: string | null;
  practice_id: string;
  practice_name: string;
}

export async function signInPatient(ctx: ServerContext, email: string, password: string): Promise<PortalLoginResponse> {
  const row = sql(
    ctx.db,
    `SELECT pt.id, pt.name, pt.password_hash, p.id AS practice_id, p.name AS practice_name
     FROM patients pt JOIN practices p ON p.id = pt.practice_id WHERE pt.portal_email = ?`,
  ).get(email.trim()) as PatientRow | undefined;
  await checkPassword(ctx, `patient:${email.trim().toLowerCase()}`, password, row?.password_hash);
  if (!row) throw invalidCredentials();
  const token = issueToken(ctx.db, { kind: 'patient', subjectId: row.id }, ctx.now());
  return {
    token,
    patient: { id: row.id, name: row.name },
    practice: { id: row.practice_id, name: row.practice_name },
  };
}
