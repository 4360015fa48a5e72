// Directory and practice records: staff, patients, encounters, documents (read-only in API v1).
import { z } from 'zod';
import { Id, IsoTime, StoredText } from './primitives.js';

export const StaffUser = z.object({ id: Id, name: z.string(), role: z.string() });
export type StaffUser = z.infer<typeof StaffUser>;
export const UsersResponse = z.object({ users: z.array(StaffUser) });

export const PatientSummary = z.object({
  id: Id,
  name: z.string(),
  dateOfBirth: z.iso.date(),
  mrn: z.string(),
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const Encounter = z.object({
  id: Id,
  patientId: Id,
  date: z.iso.date(),
  providerName: z.string(),
  reason: z.string(),
  notes: z.string(),
});
export type Encounter = z.infer<typeof Encounter>;

export const DocumentInfo = z.object({
  id: Id,
  title: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int().nonnegative(),
  patientId: Id.nullable(),
  createdAt: IsoTime,
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const PatientDetail = PatientSummary.extend({
  encounters: z.array(Encounter),
  documents: z.array(DocumentInfo),
});
export type PatientDetail = z.infer<typeof PatientDetail>;

export const PatientsQuery = z.object({
  query: StoredText.max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const PatientsResponse = z.object({ patients: z.array(PatientSummary) });
export const PatientResponse = z.object({ patient: PatientDetail });
export const EncounterResponse = z.object({ encounter: Encounter });
export const DocumentsQuery = z.object({
  query: StoredText.max(200).optional(),
  patientId: Id.optional(),
});
export const DocumentsResponse = z.object({ documents: z.array(DocumentInfo) });
