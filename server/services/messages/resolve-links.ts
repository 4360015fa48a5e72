// Checks what a new message points at (patient, encounter, document, attachments) and turns it
// into the wire form. Anything outside the sender's practice or reach is 422, never 404: the
// request itself was found, one of its references was not.
import { randomUUID } from 'node:crypto';
import type { Attachment, AttachmentRef, Message } from '../../../common/http/index.js';
import { sql, type Db } from '../../db/database.js';
import { unprocessable } from '../../http/api-error.js';
import { findDocument, findEncounter, findPatient } from '../records/records.js';

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

export function resolveLinks(db: Db, practiceId: string, request: LinkRequest): Links {
  const patient = request.patientId ? findPatient(db, practiceId, request.patientId) : undefined;
  if (request.patientId && !patient)
    throw unprocessable('unknown_patient', 'The linked patient is not in this practice.');
  const encounter = request.encounterId ? findEncounter(db, practiceId, request.encounterId) : undefined;
  if (request.encounterId && !encounter)
    throw unprocessable('unknown_encounter', 'The linked encounter is not in this practice.');
  const document = request.documentId ? findDocument(db, practiceId, request.documentId) : undefined;
  if (request.documentId && !document)
    throw unprocessable('unknown_document', 'The linked document is not in this practice.');
  // Linking an encounter or a document also says which patient the message is about.
  const impliedPatientId = patient?.id ?? encounter?.patientId ?? document?.patientId ?? null;
  const about = impliedPatientId ? findPatient(db, practiceId, impliedPatientId) : undefined;
  return {
    patient: about ? { id: about.id, name: about.name } : null,
    encounter: encounter ? { id: encounter.id, date: encounter.date } : null,
    document: document ? { id: document.id, title: document.title } : null,
  };
}

interface UploadRow {
  id: string;
  name: string;
  size: number;
  mime_type: string;
  sha256: string;
}

const unknownAttachment = () =>
  unprocessable(
    'unknown_attachment',
    'An attachment is not available: upload the file again or pick a record of this practice.',
  );

/** Attachments in wire form, plus the upload ids whose bytes the message's viewers may read. */
export function resolveAttachments(
  db: Db,
  practiceId: string,
  senderId: string,
  refs: AttachmentRef[],
): { attachments: Attachment[]; fileUploadIds: string[] } {
  const attachments: Attachment[] = [];
  const fileUploadIds: string[] = [];
  for (const ref of refs) {
    if (ref.kind === 'file') {
      const upload = sql(
        db,
        'SELECT id, name, size, mime_type, sha256 FROM uploads WHERE id = ? AND practice_id = ? AND uploader_id = ?',
      ).get(ref.id, practiceId, senderId) as UploadRow | undefined;
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
    const name = recordName(db, practiceId, ref.kind, ref.id);
    if (name === undefined) throw unknownAttachment();
    attachments.push({ id: randomUUID(), kind: ref.kind, refId: ref.id, name });
  }
  return { attachments, fileUploadIds };
}

function recordName(
  db: Db,
  practiceId: string,
  kind: 'encounter' | 'patient' | 'document',
  id: string,
): string | undefined {
  if (kind === 'encounter') {
    const encounter = findEncounter(db, practiceId, id);
    return encounter && `Encounter ${encounter.date}`;
  }
  if (kind === 'patient') {
    const patient = findPatient(db, practiceId, id);
    return patient && `Patient record: ${patient.name}`;
  }
  // The title, as the message's document link and Find Documents name it (not the file name).
  return findDocument(db, practiceId, id)?.title;
}
