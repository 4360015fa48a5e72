// `--demo`: fills an empty database with two practices, their staff, patients, records, documents
// and a first set of messages. A database that already has data is left alone; two instances
// starting together on one PostgreSQL database seed it once (the seed lock).
import { randomUUID } from 'node:crypto';
import { hashPassword, type ScryptParams } from '../services/auth/passwords.js';
import { noChanges, type WriteContext } from '../services/write-context.js';
import { appendChanges } from '../services/feed/feed-changes.js';
import { DEFAULT_SETTINGS, saveSettings } from '../services/settings.js';
import type { BlobStore } from '../storage/blobs/blob-store.js';
import { withSeedLock } from '../storage/queries/locks.js';
import { hasAnyPractice, practiceStaff } from '../storage/queries/people.js';
import type { Executor } from '../storage/schema.js';
import { DEMO_PASSWORD, DEMO_PRACTICES } from './accounts.js';
import { seedDemoDocuments } from './demo-documents.js';
import type { DemoIds } from './demo-ids.js';
import { seedDemoMessages } from './demo-messages.js';
import { seedDemoWorkflow } from './demo-workflow.js';
import { DEMO_PATIENT_PEOPLE, DEMO_STAFF_PEOPLE, ENCOUNTER_REASONS, type PracticeKey } from './demo-people.js';

const PRACTICE_KEYS = Object.keys(DEMO_PRACTICES) as PracticeKey[];
const MRN_PREFIX: Record<PracticeKey, string> = { sunrise: 'SFM', lakeside: 'LKP' };

/** Seeds when the database holds no practice yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Executor, blobs: BlobStore, hashing: ScryptParams): Promise<boolean> {
  if (await hasAnyPractice(db)) return false;
  const portalPatients = Object.values(DEMO_PATIENT_PEOPLE)
    .flat()
    .filter((p) => p.portalEmail);
  // Every demo account has the same published password: one hash (and salt) serves them all, so
  // seeding costs one scrypt at full strength. Outside the transaction: it is the slow part.
  const hash = await hashPassword(DEMO_PASSWORD, hashing);
  const hashes = [...DEMO_STAFF_PEOPLE, ...portalPatients].map(() => hash);
  return withSeedLock(db, async (trx) => {
    if (await hasAnyPractice(trx)) return false; // another instance seeded it meanwhile
    const ctx: WriteContext = { db: trx, now: Date.now, alertsEnabled: false, changes: noChanges() };
    const ids = await seedPeopleAndRecords(trx, hashes);
    await seedDirectoryFeeds(ctx);
    await seedDemoDocuments(trx, blobs, ids);
    // The workflow content is dated first (4 days back), so it is written first: seq order is time order.
    await seedDemoWorkflow(trx, ids);
    await seedDemoMessages(trx, blobs, ids);
    return true;
  });
}

async function seedPeopleAndRecords(db: Executor, hashes: string[]): Promise<DemoIds> {
  const ids: DemoIds = { practices: {}, staff: {}, patients: {}, encounters: {}, documents: {} };
  for (const key of PRACTICE_KEYS) {
    ids.practices[key] = randomUUID();
    await db.insertInto('practices').values({ id: ids.practices[key], name: DEMO_PRACTICES[key] }).execute();
  }
  let hashIndex = 0;
  for (const person of DEMO_STAFF_PEOPLE) {
    const id = randomUUID();
    ids.staff[person.email] = id;
    await db
      .insertInto('staff')
      .values({ id, email: person.email, name: person.name, password_hash: hashes[hashIndex++]! })
      .execute();
    for (const [key, role] of Object.entries(person.roles)) {
      await db
        .insertInto('memberships')
        .values({ practice_id: ids.practices[key as PracticeKey]!, staff_id: id, role })
        .execute();
    }
  }
  const provider: Record<PracticeKey, string> = { sunrise: 'Dr. Daniel Lee', lakeside: 'Dr. Helen Park' };
  for (const key of PRACTICE_KEYS) {
    for (const [index, person] of DEMO_PATIENT_PEOPLE[key].entries()) {
      const id = randomUUID();
      ids.patients[person.name] = id;
      const hash = person.portalEmail ? hashes[hashIndex++] : null;
      await db
        .insertInto('patients')
        .values({
          id,
          practice_id: ids.practices[key]!,
          name: person.name,
          date_of_birth: person.dateOfBirth,
          mrn: `${MRN_PREFIX[key]}-${10001 + index}`,
          portal_email: person.portalEmail ?? null,
          password_hash: hash ?? null,
        })
        .execute();
      const count = 1 + (index % 3);
      for (let n = 0; n < count; n += 1) {
        const [reason, notes] = ENCOUNTER_REASONS[(index + n) % ENCOUNTER_REASONS.length]!;
        const encounterId = randomUUID();
        ids.encounters[`${person.name}#${n}`] = encounterId;
        const date = `2026-${String(10 - n).padStart(2, '0')}-${String(((index * 3) % 27) + 1).padStart(2, '0')}`;
        await db
          .insertInto('encounters')
          .values({
            id: encounterId,
            practice_id: ids.practices[key]!,
            patient_id: id,
            date,
            provider_name: provider[key],
            reason,
            notes,
          })
          .execute();
      }
    }
  }
  return ids;
}

/** Each staff member's feed starts with their practices' directory and their settings. */
async function seedDirectoryFeeds(ctx: WriteContext): Promise<void> {
  const memberships = await ctx.db
    .selectFrom('memberships')
    .select(['practice_id', 'staff_id'])
    .orderBy('staff_id')
    .orderBy('practice_id')
    .execute();
  for (const { practice_id: practiceId, staff_id: staffId } of memberships) {
    const users = await practiceStaff(ctx.db, practiceId);
    await appendChanges(
      ctx,
      users.map((user) => ({ staffId, practiceId, kind: 'user' as const, payload: JSON.stringify(user) })),
    );
    await saveSettings(ctx, staffId, practiceId, DEFAULT_SETTINGS);
  }
}
