// A reply in a portal thread reaches the patient, who sees its links and record attachments in the
// portal: so it may point only at that patient, their encounters and their documents (API.md,
// second wave). Runs after resolveLinks/resolveAttachments, so every id here is known to exist.
import type { AttachmentRef } from '../../../common/http/index.js';
import { unprocessable } from '../../errors.js';
import { findDocument, findEncounter } from '../../storage/queries/records.js';
import type { Executor } from '../../storage/schema.js';
import type { LinkRequest } from './resolve-links.js';

const wrongPatient = () =>
  unprocessable(
    'wrong_patient',
    "A reply to a patient's portal message may link or attach only that patient's own record, encounters and documents.",
  );

/** Throws 422 `wrong_patient` when the reply names any patient, encounter or document not of `patientId`. */
export async function checkPortalReplyScope(
  db: Executor,
  practiceId: string,
  patientId: string,
  request: LinkRequest & { attachments?: AttachmentRef[] | undefined },
): Promise<void> {
  const records: { kind: 'patient' | 'encounter' | 'document'; id: string }[] = [];
  if (request.patientId) records.push({ kind: 'patient', id: request.patientId });
  if (request.encounterId) records.push({ kind: 'encounter', id: request.encounterId });
  if (request.documentId) records.push({ kind: 'document', id: request.documentId });
  for (const ref of request.attachments ?? []) if (ref.kind !== 'file') records.push({ kind: ref.kind, id: ref.id });
  for (const record of records) {
    if ((await ownerOf(db, practiceId, record.kind, record.id)) !== patientId) throw wrongPatient();
  }
}

async function ownerOf(
  db: Executor,
  practiceId: string,
  kind: 'patient' | 'encounter' | 'document',
  id: string,
): Promise<string | null> {
  if (kind === 'patient') return id;
  if (kind === 'encounter') return (await findEncounter(db, practiceId, id))?.patientId ?? null;
  return (await findDocument(db, practiceId, id))?.patientId ?? null;
}
