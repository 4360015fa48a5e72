// Picks the attachment store from ATTACHMENTS_URL: file:///a/folder (default: DATA_DIR/blobs).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blob-store.js';
import { FileBlobStore } from './file-blob-store.js';

export class AttachmentsUrlError extends Error {}

export function openBlobStore(attachmentsUrl: string | null | undefined, dataDir: string): BlobStore {
  if (!attachmentsUrl) return new FileBlobStore(join(dataDir, 'blobs'));
  if (attachmentsUrl.startsWith('file://')) return new FileBlobStore(fileURLToPath(attachmentsUrl));
  throw new AttachmentsUrlError('ATTACHMENTS_URL must be file:///a/folder or s3://bucket.');
}
