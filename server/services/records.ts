// The directory and practice records a member reads (API.md "Directory and practice records").
import type { DocumentInfo, Encounter, PatientDetail, PatientSummary, StaffUser } from '../../common/http/index.js';
import { notFound } from '../errors.js';
import { practiceStaff } from '../storage/queries/people.js';
import {
  findDocument,
  findEncounter,
  findPatient,
  patientEncounters,
  searchDocuments,
  searchPatients,
} from '../storage/queries/records.js';
import type { Executor } from '../storage/schema.js';

export const staffDirectory = (db: Executor, practiceId: string): Promise<StaffUser[]> => practiceStaff(db, practiceId);

export const patientSearch = (
  db: Executor,
  practiceId: string,
  query: string,
  limit: number,
): Promise<PatientSummary[]> => searchPatients(db, practiceId, query, limit);

export async function patientDetail(db: Executor, practiceId: string, patientId: string): Promise<PatientDetail> {
  const patient = await findPatient(db, practiceId, patientId);
  if (!patient) throw notFound();
  const [encounters, documents] = await Promise.all([
    patientEncounters(db, practiceId, patientId),
    searchDocuments(db, practiceId, '', patientId),
  ]);
  return { ...patient, encounters, documents };
}

export async function encounter(db: Executor, practiceId: string, encounterId: string): Promise<Encounter> {
  const found = await findEncounter(db, practiceId, encounterId);
  if (!found) throw notFound();
  return found;
}

export const documentSearch = (
  db: Executor,
  practiceId: string,
  query: string,
  patientId: string | undefined,
): Promise<DocumentInfo[]> => searchDocuments(db, practiceId, query, patientId);

export async function documentFile(
  db: Executor,
  practiceId: string,
  documentId: string,
): Promise<DocumentInfo & { sha256: string }> {
  const found = await findDocument(db, practiceId, documentId);
  if (!found) throw notFound();
  return found;
}
