// `--demo`: fills an empty data folder with two practices, their staff, patients, records,
// documents and a first set of messages. A folder that already has data is left alone.
import { randomUUID } from 'node:crypto';
import { sql, type Db } from '../db/database.js';
import { hashPassword, type ScryptParams } from '../services/auth/passwords.js';
import type { BlobStore } from '../services/blob-store.js';
import { FeedWriter } from '../services/feed/feed-writer.js';
import { practiceStaff } from '../services/records/records.js';
import { DEFAULT_SETTINGS, writeSettings } from '../services/settings.js';
import { DEMO_PASSWORD, DEMO_PRACTICES } from './accounts.js';
import { seedDemoDocuments } from './demo-documents.js';
import { seedDemoMessages, type DemoIds } from './demo-messages.js';
import { DEMO_PATIENT_PEOPLE, DEMO_STAFF_PEOPLE, ENCOUNTER_REASONS, type PracticeKey } from './demo-people.js';

const PRACTICE_KEYS = Object.keys(DEMO_PRACTICES) as PracticeKey[];
const MRN_PREFIX: Record<PracticeKey, string> = { sunrise: 'SFM', lakeside: 'LKP' };

/** Seeds when the database holds no practice yet; returns whether it did. */
export async function seedDemoIfEmpty(db: Db, blobs: BlobStore, hashing: ScryptParams): Promise<boolean> {
  if (db.prepare('SELECT 1 FROM practices LIMIT 1').get()) return false;
  const portalPatients = Object.values(DEMO_PATIENT_PEOPLE)
    .flat()
    .filter((p) => p.portalEmail);
  // Every demo account has the same published password: one hash (and salt) serves them all, so
  // seeding costs one scrypt at full strength. Outside the transaction: it is the slow part.
  const hash = await hashPassword(DEMO_PASSWORD, hashing);
  const hashes = [...DEMO_STAFF_PEOPLE, ...portalPatients].map(() => hash);
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM practices LIMIT 1').get()) return;
    const ids = seedPeopleAndRecords(db, hashes);
    seedDirectoryFeeds(db);
    seedDemoDocuments(db, blobs, ids);
    seedDemoMessages(db, blobs, ids);
  })();
  return true;
}

function seedPeopleAndRecords(db: Db, hashes: string[]): DemoIds {
  const ids: DemoIds = { practices: {}, staff: {}, patients: {}, encounters: {}, documents: {} };
  for (const key of PRACTICE_KEYS) {
    ids.practices[key] = randomUUID();
    sql(db, 'INSERT INTO practices (id, name) VALUES (?, ?)').run(ids.practices[key], DEMO_PRACTICES[key]);
  }
  let hashIndex = 0;
  for (const person of DEMO_STAFF_PEOPLE) {
    const id = randomUUID();
    ids.staff[person.email] = id;
    sql(db, 'INSERT INTO staff (id, email, name, password_hash) VALUES (?, ?, ?, ?)').run(
      id,
      person.email,
      person.name,
      hashes[hashIndex++],
    );
    for (const [key, role] of Object.entries(person.roles)) {
      sql(db, 'INSERT INTO memberships (practice_id, staff_id, role) VALUES (?, ?, ?)').run(
        ids.practices[key as PracticeKey],
        id,
        role,
      );
    }
  }
  const provider: Record<PracticeKey, string> = { sunrise: 'Dr. Daniel Lee', lakeside: 'Dr. Helen Park' };
  for (const key of PRACTICE_KEYS) {
    DEMO_PATIENT_PEOPLE[key].forEach((person, index) => {
      const id = randomUUID();
      ids.patients[person.name] = id;
      const hash = person.portalEmail ? hashes[hashIndex++] : null;
      sql(
        db,
        'INSERT INTO patients (id, practice_id, name, date_of_birth, mrn, portal_email, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        ids.practices[key],
        person.name,
        person.dateOfBirth,
        `${MRN_PREFIX[key]}-${10001 + index}`,
        person.portalEmail ?? null,
        hash,
      );
      const count = 1 + (index % 3);
      for (let n = 0; n < count; n += 1) {
        const [reason, notes] = ENCOUNTER_REASONS[(index + n) % ENCOUNTER_REASONS.length]!;
        const encounterId = randomUUID();
        ids.encounters[`${person.name}#${n}`] = encounterId;
        const date = `2026-${String(10 - n).padStart(2, '0')}-${String(((index * 3) % 27) + 1).padStart(2, '0')}`;
        sql(
          db,
          'INSERT INTO encounters (id, practice_id, patient_id, date, provider_name, reason, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(encounterId, ids.practices[key], id, date, provider[key], reason, notes);
      }
    });
  }
  return ids;
}

/** Each staff member's feed starts with their practices' directory and their settings. */
function seedDirectoryFeeds(db: Db): void {
  const feed = new FeedWriter(db);
  const memberships = db
    .prepare('SELECT practice_id, staff_id FROM memberships ORDER BY staff_id, practice_id')
    .all() as {
    practice_id: string;
    staff_id: string;
  }[];
  for (const { practice_id: practiceId, staff_id: staffId } of memberships) {
    for (const user of practiceStaff(db, practiceId)) feed.append(staffId, practiceId, 'user', JSON.stringify(user));
    writeSettings(db, feed, staffId, practiceId, DEFAULT_SETTINGS);
  }
}
