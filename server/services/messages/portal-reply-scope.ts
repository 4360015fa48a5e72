// A reply in a portal thread reaches the patient, who sees its links and record attachments in the
// portal: so it may point only at that patient, their encounters and their documents (API.md,
// second wave). Runs after resolveLinks/resolveAttachments, so every id here is known to exist.
import type { AttachmentRef, Message } from '../../../common/http/index.js';
import { unprocessable } from '../../errors.js';
import { findDocument, findEncounter } from '../../storage/queries/records.js';
import { messagesCarryingUpload } from '../../storage/queries/uploads.js';
import type { Executor } from '../../storage/schema.js';
import type { LinkRequest } from './resolve-links.js';

const wrongPatient = () =>
  unprocessable(
    'wrong_patient',
    "A reply to a patient's portal message may link or attach only that patient's own record, encounters, documents and files.",
  );

/**
 * Throws 422 `wrong_patient` when the reply names any patient, encounter or document not of `patientId`,
 * or forwards a file that a message about another patient carries.
 */
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
  for (const ref of request.attachments ?? []) {
    if (ref.kind === 'file' && (await fileIsAboutAnotherPatient(db, ref.id, patientId))) throw wrongPatient();
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

/**
 * A forwarded file is another patient's when any message carrying it is in that patient's portal
 * thread or linked to that patient (their results, say). A fresh upload, or a file only on messages
 * about no patient (a blank form), may go to this patient.
 */
async function fileIsAboutAnotherPatient(db: Executor, uploadId: string, patientId: string): Promise<boolean> {
  const carriers = await messagesCarryingUpload(db, uploadId);
  return carriers.some((carrier) => {
    const linked = (JSON.parse(carrier.message_json) as Message).patient?.id ?? null;
    return [carrier.portal_patient_id, linked].some((id) => id !== null && id !== patientId);
  });
}
