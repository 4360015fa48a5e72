// Read-only practice records (API.md "Directory and practice records"), always scoped to one
// practice so that an id from another practice reads as missing.
import type { DocumentInfo, Encounter, PatientSummary, StaffUser } from '../../../common/http/index.js';
import { sql, type Db } from '../../db/database.js';

export function practiceStaff(db: Db, practiceId: string): StaffUser[] {
  return sql(
    db,
    'SELECT s.id, s.name, m.role FROM memberships m JOIN staff s ON s.id = m.staff_id WHERE m.practice_id = ? ORDER BY s.name',
  ).all(practiceId) as StaffUser[];
}

export function staffMember(db: Db, practiceId: string, staffId: string): StaffUser | undefined {
  return sql(
    db,
    'SELECT s.id, s.name, m.role FROM memberships m JOIN staff s ON s.id = m.staff_id WHERE m.practice_id = ? AND s.id = ?',
  ).get(practiceId, staffId) as StaffUser | undefined;
}

const PATIENT_COLUMNS = 'id, name, date_of_birth AS dateOfBirth, mrn';

const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchPatients(db: Db, practiceId: string, query: string, limit: number): PatientSummary[] {
  return sql(
    db,
    `SELECT ${PATIENT_COLUMNS} FROM patients WHERE practice_id = ?
     AND (name LIKE ? ESCAPE '\\' OR mrn LIKE ? ESCAPE '\\') ORDER BY name, id LIMIT ?`,
  ).all(practiceId, likePattern(query), likePattern(query), limit) as PatientSummary[];
}

export function findPatient(db: Db, practiceId: string, patientId: string): PatientSummary | undefined {
  return sql(db, `SELECT ${PATIENT_COLUMNS} FROM patients WHERE practice_id = ? AND id = ?`).get(
    practiceId,
    patientId,
  ) as PatientSummary | undefined;
}

const ENCOUNTER_COLUMNS = 'id, patient_id AS patientId, date, provider_name AS providerName, reason, notes';

export function patientEncounters(db: Db, practiceId: string, patientId: string): Encounter[] {
  return sql(
    db,
    `SELECT ${ENCOUNTER_COLUMNS} FROM encounters WHERE practice_id = ? AND patient_id = ? ORDER BY date DESC, id`,
  ).all(practiceId, patientId) as Encounter[];
}

export function findEncounter(db: Db, practiceId: string, encounterId: string): Encounter | undefined {
  return sql(db, `SELECT ${ENCOUNTER_COLUMNS} FROM encounters WHERE practice_id = ? AND id = ?`).get(
    practiceId,
    encounterId,
  ) as Encounter | undefined;
}

const DOCUMENT_COLUMNS =
  'id, title, file_name AS fileName, mime_type AS mimeType, size, patient_id AS patientId, created_at AS createdAt';

export function searchDocuments(
  db: Db,
  practiceId: string,
  query: string,
  patientId: string | undefined,
): DocumentInfo[] {
  return sql(
    db,
    `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE practice_id = ?
     AND (title LIKE ? ESCAPE '\\' OR file_name LIKE ? ESCAPE '\\') AND (? IS NULL OR patient_id = ?)
     ORDER BY created_at DESC, id LIMIT 500`,
  ).all(practiceId, likePattern(query), likePattern(query), patientId ?? null, patientId ?? null) as DocumentInfo[];
}

export function findDocument(
  db: Db,
  practiceId: string,
  documentId: string,
): (DocumentInfo & { sha256: string }) | undefined {
  return sql(db, `SELECT ${DOCUMENT_COLUMNS}, sha256 FROM documents WHERE practice_id = ? AND id = ?`).get(
    practiceId,
    documentId,
  ) as (DocumentInfo & { sha256: string }) | undefined;
}

export function practiceName(db: Db, practiceId: string): string | undefined {
  const row = sql(db, 'SELECT name FROM practices WHERE id = ?').get(practiceId) as { name: string } | undefined;
  return row?.name;
}
