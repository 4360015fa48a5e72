// Read-only practice records (API.md "Directory and practice records"), always scoped to one
// practice so that an id from another practice reads as missing.
import { sql, type RawBuilder } from 'kysely';
import type { DocumentInfo, Encounter, PatientSummary } from '../../../common/http/index.js';
import { isPostgres } from '../dialect.js';
import type { Executor } from '../schema.js';

/** A LIKE pattern matching `query` anywhere, with LIKE's wildcards escaped by a backslash. */
const likePattern = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * `column` contains `query`, ignoring case: SQLite's LIKE already ignores ASCII case (and needs its
 * escape character named); PostgreSQL's needs ILIKE (backslash is its default escape).
 */
function contains(db: Executor, column: string, query: string): RawBuilder<boolean> {
  return isPostgres(db)
    ? sql<boolean>`${sql.ref(column)} ILIKE ${likePattern(query)}`
    : sql<boolean>`${sql.ref(column)} LIKE ${likePattern(query)} ESCAPE '\\'`;
}

const patientColumns = ['id', 'name', 'date_of_birth as dateOfBirth', 'mrn'] as const;

export function searchPatients(
  db: Executor,
  practiceId: string,
  query: string,
  limit: number,
): Promise<PatientSummary[]> {
  return db
    .selectFrom('patients')
    .select(patientColumns)
    .where('practice_id', '=', practiceId)
    .where((eb) => eb.or([contains(db, 'name', query), contains(db, 'mrn', query)]))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function findPatient(db: Executor, practiceId: string, patientId: string): Promise<PatientSummary | undefined> {
  return db
    .selectFrom('patients')
    .select(patientColumns)
    .where('practice_id', '=', practiceId)
    .where('id', '=', patientId)
    .executeTakeFirst();
}

const encounterColumns = [
  'id',
  'patient_id as patientId',
  'date',
  'provider_name as providerName',
  'reason',
  'notes',
] as const;

export function patientEncounters(db: Executor, practiceId: string, patientId: string): Promise<Encounter[]> {
  return db
    .selectFrom('encounters')
    .select(encounterColumns)
    .where('practice_id', '=', practiceId)
    .where('patient_id', '=', patientId)
    .orderBy('date', 'desc')
    .orderBy('id')
    .execute();
}

export function findEncounter(db: Executor, practiceId: string, encounterId: string): Promise<Encounter | undefined> {
  return db
    .selectFrom('encounters')
    .select(encounterColumns)
    .where('practice_id', '=', practiceId)
    .where('id', '=', encounterId)
    .executeTakeFirst();
}

const documentColumns = [
  'id',
  'title',
  'file_name as fileName',
  'mime_type as mimeType',
  'size',
  'patient_id as patientId',
  'created_at as createdAt',
] as const;

export function searchDocuments(
  db: Executor,
  practiceId: string,
  query: string,
  patientId: string | undefined,
): Promise<DocumentInfo[]> {
  let select = db
    .selectFrom('documents')
    .select(documentColumns)
    .where('practice_id', '=', practiceId)
    .where((eb) => eb.or([contains(db, 'title', query), contains(db, 'file_name', query)]));
  if (patientId !== undefined) select = select.where('patient_id', '=', patientId);
  return select.orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
}

export function findDocument(
  db: Executor,
  practiceId: string,
  documentId: string,
): Promise<(DocumentInfo & { sha256: string }) | undefined> {
  return db
    .selectFrom('documents')
    .select([...documentColumns, 'sha256'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}
