// Staff, patients, practices and who belongs where: the lookups sign-in, sending and the directory make.
import { sql } from 'kysely';
import type { PracticeRef, StaffUser } from '../../../common/http/index.js';
import type { Executor } from '../schema.js';

/** `staffId`'s role in `practiceId` (undefined: not a member). */
export async function memberRole(db: Executor, staffId: string, practiceId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('practice_id', '=', practiceId)
    .where('staff_id', '=', staffId)
    .executeTakeFirst();
  return row?.role;
}

export async function isMember(db: Executor, staffId: string, practiceId: string): Promise<boolean> {
  return (await memberRole(db, staffId, practiceId)) !== undefined;
}

export function practiceStaff(db: Executor, practiceId: string): Promise<StaffUser[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['s.id', 's.name', 'm.role'])
    .where('m.practice_id', '=', practiceId)
    .orderBy('s.name')
    .execute();
}

/** The members of `practiceId` among `staffIds` (any missing id is not a member). */
export async function staffMembers(db: Executor, practiceId: string, staffIds: string[]): Promise<StaffUser[]> {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('memberships as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['s.id', 's.name', 'm.role'])
    .where('m.practice_id', '=', practiceId)
    .where('s.id', 'in', staffIds)
    .execute();
}

export async function staffMember(db: Executor, practiceId: string, staffId: string): Promise<StaffUser | undefined> {
  return (await staffMembers(db, practiceId, [staffId]))[0];
}

/** Emails match without regard to case: lower() on both sides, indexed in both databases. */
export function staffByEmail(db: Executor, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function staffPractices(db: Executor, staffId: string): Promise<PracticeRef[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('practices as p', 'p.id', 'm.practice_id')
    .select(['p.id', 'p.name'])
    .where('m.staff_id', '=', staffId)
    .orderBy('p.name')
    .execute();
}

export function patientByPortalEmail(db: Executor, email: string) {
  return db
    .selectFrom('patients as pt')
    .innerJoin('practices as p', 'p.id', 'pt.practice_id')
    .select(['pt.id', 'pt.name', 'pt.password_hash', 'p.id as practice_id', 'p.name as practice_name'])
    .where(sql<string>`lower(pt.portal_email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export function patientById(db: Executor, patientId: string) {
  return db.selectFrom('patients').select(['id', 'name', 'practice_id']).where('id', '=', patientId).executeTakeFirst();
}

/** True when any of `ids` is a patient of `practiceId`. */
export async function anyPatientOf(db: Executor, practiceId: string, ids: string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('practice_id', '=', practiceId)
    .where('id', 'in', ids)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function practiceName(db: Executor, practiceId: string): Promise<string | undefined> {
  return (await db.selectFrom('practices').select('name').where('id', '=', practiceId).executeTakeFirst())?.name;
}

export async function hasAnyPractice(db: Executor): Promise<boolean> {
  return (await db.selectFrom('practices').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Stores a stronger hash of a just-checked password, only if the stored one is still `previous`. */
export async function replacePasswordHash(
  db: Executor,
  table: 'staff' | 'patients',
  id: string,
  previous: string,
  fresh: string,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ password_hash: fresh })
    .where('id', '=', id)
    .where('password_hash', '=', previous)
    .execute();
}
