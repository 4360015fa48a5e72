// Uploaded attachment files: the row that names their bytes, and who may read them.
import type { Executor, NewUpload } from '../schema.js';

export async function insertUpload(db: Executor, upload: NewUpload): Promise<void> {
  await db.insertInto('uploads').values(upload).execute();
}

export function uploadById(db: Executor, id: string) {
  return db
    .selectFrom('uploads')
    .select(['id', 'practice_id', 'uploader_id', 'name', 'mime_type', 'size', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * An upload `senderId` may attach in `practiceId`: their own, or a file of any message of that
 * practice in their mailbox (a forward needs no upload again).
 */
export function attachableUpload(db: Executor, id: string, practiceId: string, senderId: string) {
  return db
    .selectFrom('uploads as u')
    .select(['u.id', 'u.name', 'u.size', 'u.mime_type', 'u.sha256'])
    .where('u.id', '=', id)
    .where('u.practice_id', '=', practiceId)
    .where((eb) =>
      eb.or([
        eb('u.uploader_id', '=', senderId),
        eb.exists(
          eb
            .selectFrom('message_files as f')
            .innerJoin('mailbox as b', 'b.message_seq', 'f.message_seq')
            .select('f.upload_id')
            .whereRef('f.upload_id', '=', 'u.id')
            .where('b.staff_id', '=', senderId),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** True when a message carrying the upload is in `staffId`'s mailbox. */
export async function staffCanSeeUpload(db: Executor, uploadId: string, staffId: string): Promise<boolean> {
  const row = await db
    .selectFrom('message_files as f')
    .innerJoin('mailbox as b', 'b.message_seq', 'f.message_seq')
    .select('f.upload_id')
    .where('f.upload_id', '=', uploadId)
    .where('b.staff_id', '=', staffId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** True when a message of the patient's portal threads carries the upload. */
export async function patientCanSeeUpload(db: Executor, uploadId: string, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('message_files as f')
    .innerJoin('messages as m', 'm.seq', 'f.message_seq')
    .select('f.upload_id')
    .where('f.upload_id', '=', uploadId)
    .where('m.portal_patient_id', '=', patientId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The messages that carry an upload: their portal patient and stored message (for its patient link). */
export function messagesCarryingUpload(db: Executor, uploadId: string) {
  return db
    .selectFrom('message_files as f')
    .innerJoin('messages as m', 'm.seq', 'f.message_seq')
    .select(['m.portal_patient_id', 'm.message_json'])
    .where('f.upload_id', '=', uploadId)
    .execute();
}

/** Deletes uploads made before `before` that no message uses; resolves with their sha256s. */
export async function deleteUnusedUploads(db: Executor, before: number): Promise<string[]> {
  const rows = await db
    .deleteFrom('uploads')
    .where('created_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('message_files as f').select('f.upload_id').whereRef('f.upload_id', '=', 'uploads.id')),
      ),
    )
    .returning('sha256')
    .execute();
  return [...new Set(rows.map((row) => row.sha256))];
}

/** True when an upload or a document still names these bytes. */
export async function blobInUse(db: Executor, sha256: string): Promise<boolean> {
  const upload = await db.selectFrom('uploads').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (upload) return true;
  const document = await db
    .selectFrom('documents')
    .select('id')
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  return document !== undefined;
}
