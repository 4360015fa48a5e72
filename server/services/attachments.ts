// Attachment files: storing an upload's bytes and its row, and who may download one (the uploader,
// staff viewers of a message carrying it, the patient of a portal thread whose message carries it).
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { UploadedAttachment } from '../../common/http/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { ApiError, notFound } from '../errors.js';
import { patientCanSeeUpload, staffCanSeeUpload, uploadById } from '../storage/queries/uploads.js';
import { tokenOwner } from './auth/authenticate.js';
import type { ServerContext } from './context.js';
import type { AuditRecord, Origin } from './workflow/audit-log.js';

export const attachmentTooLarge = (): ApiError =>
  new ApiError(
    413,
    'attachment_too_large',
    'The file is larger than 10 MiB. Attach a smaller file or share it another way.',
  );

/** The upload stream broke (client gone, connection reset): nothing was kept. */
const interrupted = (): ApiError =>
  new ApiError(400, 'upload_interrupted', 'The upload was interrupted before it finished. Send the file again.');

export interface NewAttachment {
  staffId: string;
  practiceId: string;
  name: string;
  mimeType: string;
  /** The request body; absent for an empty file. */
  source: Readable | undefined;
}

/** Stores the bytes (refusing past 10 MiB while streaming), then the upload row; null when too large. */
export async function storeAttachment(ctx: ServerContext, a: NewAttachment): Promise<UploadedAttachment | null> {
  const stored = a.source
    ? await ctx.blobs.receive(a.source, MAX_ATTACHMENT_BYTES).catch(() => {
        throw interrupted();
      })
    : { ok: true as const, ...(await ctx.blobs.writeBytes(Buffer.alloc(0))) };
  if (!stored.ok) return null;
  const attachment = { id: randomUUID(), name: a.name, size: stored.size, mimeType: a.mimeType, sha256: stored.sha256 };
  await ctx.writes.run('insertUpload', { ...attachment, practiceId: a.practiceId, uploaderId: a.staffId });
  return attachment;
}

export interface AttachmentDownload {
  name: string;
  mimeType: string;
  size: number;
  bytes: Readable;
}

/** The file, for a reader allowed to have it (404 for anyone else); the download is audited first. */
export async function attachmentForDownload(
  ctx: ServerContext,
  origin: Origin,
  token: string,
  uploadId: string,
): Promise<AttachmentDownload> {
  const { kind, subjectId } = await tokenOwner(ctx, token);
  const upload = await uploadById(ctx.db, uploadId);
  if (!upload) throw notFound();
  const allowed =
    kind === 'staff'
      ? upload.uploader_id === subjectId || (await staffCanSeeUpload(ctx.db, upload.id, subjectId))
      : await patientCanSeeUpload(ctx.db, upload.id, subjectId);
  if (!allowed) throw notFound();
  const records: AuditRecord[] = [
    {
      action: 'attachment_downloaded',
      practiceId: upload.practice_id,
      actor: { kind, id: subjectId },
      attachmentId: upload.id,
    },
  ];
  await ctx.writes.run('recordAudit', { origin, records });
  return {
    name: upload.name,
    mimeType: upload.mime_type,
    size: upload.size,
    bytes: await ctx.blobs.read(upload.sha256),
  };
}
