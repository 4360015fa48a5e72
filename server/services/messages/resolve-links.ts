// Checks what a new message points at (patient, encounter, document, attachments) and turns it
// into the wire form. Anything outside the sender's practice or reach is 422, never 404: the
// request itself was found, one of its references was not.
import { randomUUID } from 'node:crypto';
import type { Attachment, AttachmentRef, Message } from '../../../common/http/index.js';
import { unprocessable } from '../../errors.js';
import { findDocument, findEncounter, findPatient } from '../../storage/queries/records.js';
import { attachableUpload } from '../../storage/queries/uploads.js';
import type { Executor } from '../../storage/schema.js';

export interface Links {
  patient: Message['patient'];
  encounter: Message['encounter'];
  document: Message['document'];
}

export interface LinkRequest {
  patientId?: string | undefined;
  encounterId?: string | undefined;
  documentId?: string | undefined;
}

export async function resolveLinks(db: Executor, practiceId: string, request: LinkRequest): Promise<Links> {
  const patient = request.patientId ? await findPatient(db, practiceId, request.patientId) : undefined;
  if (request.patientId && !patient)
    throw unprocessable('unknown_patient', 'The linked patient is not in this practice.');
  const encounter = request.encounterId ? await findEncounter(db, practiceId, request.encounterId) : undefined;
  if (request.encounterId && !encounter)
    throw unprocessable('unknown_encounter', 'The linked encounter is not in this practice.');
  const document = request.documentId ? await findDocument(db, practiceId, request.documentId) : undefined;
  if (request.documentId && !document)
    throw unprocessable('unknown_document', 'The linked document is not in this practice.');
  // Linking an encounter or a document also says which patient the message is about.
  const impliedPatientId = patient?.id ?? encounter?.patientId ?? document?.patientId ?? null;
  const about = impliedPatientId ? await findPatient(db, practiceId, impliedPatientId) : undefined;
  return {
    patient: about ? { id: about.id, name: about.name } : null,
    encounter: encounter ? { id: encounter.id, date: encounter.date } : null,
    document: document ? { id: document.id, title: document.title } : null,
  };
}

const unknownAttachment = () =>
  unprocessable(
    'unknown_attachment',
    'An attachment is not available: upload the file again or pick a record of this practice.',
  );

/** Attachments in wire form, plus the upload ids whose bytes the message's viewers may read. */
export async function resolveAttachments(
  db: Executor,
  practiceId: string,
  senderId: string,
  refs: AttachmentRef[],
): Promise<{ attachments: Attachment[]; fileUploadIds: string[] }> {
  const attachments: Attachment[] = [];
  const fileUploadIds: string[] = [];
  for (const ref of refs) {
    if (ref.kind === 'file') {
      const upload = await attachableUpload(db, ref.id, practiceId, senderId);
      if (!upload) throw unknownAttachment();
      attachments.push({
        id: upload.id,
        kind: 'file',
        name: upload.name,
        size: upload.size,
        mimeType: upload.mime_type,
        sha256: upload.sha256,
      });
      fileUploadIds.push(upload.id);
      continue;
    }
    const name = await recordName(db, practiceId, ref.kind, ref.id);
    if (name === undefined) throw unknownAttachment();
    attachments.push({ id: randomUUID(), kind: ref.kind, refId: ref.id, name });
  }
  return { attachments, fileUploadIds };
}

async function recordName(
  db: Executor,
  practiceId: string,
  kind: 'encounter' | 'patient' | 'document',
  id: string,
): Promise<string | undefined> {
  if (kind === 'encounter') {
    const encounter = await findEncounter(db, practiceId, id);
    return encounter && `Encounter ${encounter.date}`;
  }
  if (kind === 'patient') {
    const patient = await findPatient(db, practiceId, id);
    return patient && `Patient record: ${patient.name}`;
  }
  // The title, as the message's document link and Find Documents name it (not the file name).
  return (await findDocument(db, practiceId, id))?.title;
}
