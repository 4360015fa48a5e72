// A reply in a portal thread reaches the patient, who sees its links and record attachments in the
// portal: so it may point only at that patient, their encounters and their documents (API.md,
// second wave). Runs after resolveLinks/resolveAttachments, so every id here is known to exist.
import type { AttachmentRef } from '../../../common/http/index.js';
import type { Db } from '../../db/database.js';
import { unprocessable } from '../../http/api-error.js';
import { findDocument, findEncounter } from '../records/records.js';
import type { LinkRequest } from './resolve-links.js';

const wrongPatient = () =>
  unprocessable(
    'wrong_patient',
    "A reply to a patient's portal message may link or attach only that patient's own record, encounters and documents.",
  );

/** Throws 422 `wrong_patient` when the reply names any patient, encounter or document not of `patientId`. */
export function checkPortalReplyScope(
  db: Db,
  practiceId: string,
  patientId: string,
  request: LinkRequest & { attachments?: AttachmentRef[] | undefined },
): void {
  const records: { kind: 'patient' | 'encounter' | 'document'; id: string }[] = [];
  if (request.patientId) records.push({ kind: 'patient', id: request.patientId });
  if (request.encounterId) records.push({ kind: 'encounter', id: request.encounterId });
  if (request.documentId) records.push({ kind: 'document', id: request.documentId });
  for (const ref of request.attachments ?? []) if (ref.kind !== 'file') records.push({ kind: ref.kind, id: ref.id });
  for (const record of records) {
    if (ownerOf(db, practiceId, record.kind, record.id) !== patientId) throw wrongPatient();
  }
}

function ownerOf(db: Db, practiceId: string, kind: 'patient' | 'encounter' | 'document', id: string): string | null {
  if (kind === 'patient') return id;
  if (kind === 'encounter') return findEncounter(db, practiceId, id)?.patientId ?? null;
  return findDocument(db, practiceId, id)?.patientId ?? null;
}
