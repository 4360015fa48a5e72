// Sign-in (success and failure) and sign-out, with their audit events. A failed sign-in names the
// account it was for when the email is one (a practice's admin sees attempts on its staff's
// accounts); an unknown email is recorded without an actor, in no practice.
import type { LoginResponse, PortalLoginResponse } from '../../../common/http/index.js';
import { ApiError } from '../../errors.js';
import { patientByPortalEmail, staffByEmail } from '../../storage/queries/people.js';
import { authenticate, signOut } from '../auth/authenticate.js';
import type { ServerContext } from '../context.js';
import { signInPatient, signInStaff } from '../sign-in.js';
import { staffActor, type AuditRecord, type Origin } from './audit-log.js';

const refusedSignIn = (error: unknown): boolean =>
  error instanceof ApiError && (error.statusCode === 401 || error.statusCode === 429);

const record = (ctx: ServerContext, origin: Origin, records: AuditRecord[]) =>
  ctx.writes.run('recordAudit', { origin, records });

export async function signInStaffAudited(
  ctx: ServerContext,
  origin: Origin,
  email: string,
  password: string,
): Promise<LoginResponse> {
  try {
    const login = await signInStaff(ctx, email, password, origin.ip);
    await record(ctx, origin, [{ action: 'sign_in', practiceId: null, actor: staffActor(login.user.id) }]);
    return login;
  } catch (error) {
    if (refusedSignIn(error)) {
      const staff = await staffByEmail(ctx.db, email);
      await record(ctx, origin, [
        { action: 'sign_in_failed', practiceId: null, actor: staff ? staffActor(staff.id) : null },
      ]);
    }
    throw error;
  }
}

export async function signInPatientAudited(
  ctx: ServerContext,
  origin: Origin,
  email: string,
  password: string,
): Promise<PortalLoginResponse> {
  try {
    const login = await signInPatient(ctx, email, password, origin.ip);
    const actor = { kind: 'patient' as const, id: login.patient.id };
    await record(ctx, origin, [{ action: 'sign_in', practiceId: login.practice.id, actor }]);
    return login;
  } catch (error) {
    if (refusedSignIn(error)) {
      const patient = await patientByPortalEmail(ctx.db, email);
      await record(ctx, origin, [
        {
          action: 'sign_in_failed',
          practiceId: patient?.practice_id ?? null,
          actor: patient ? { kind: 'patient', id: patient.id } : null,
        },
      ]);
    }
    throw error;
  }
}

export async function signOutAudited(ctx: ServerContext, origin: Origin, token: string): Promise<void> {
  const staffId = await authenticate(ctx, token, 'staff');
  await signOut(ctx, token);
  await record(ctx, origin, [{ action: 'sign_out', practiceId: null, actor: staffActor(staffId) }]);
}
