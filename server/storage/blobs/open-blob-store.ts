// Picks the attachment store from ATTACHMENTS_URL: file:///a/folder (default: DATA_DIR/blobs) or
// s3://bucket[/prefix] (endpoint and credentials from the standard AWS variables).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlobStore } from './blob-store.js';
import { FileBlobStore } from './file-blob-store.js';
import { parseS3Url, S3BlobStore, s3ClientFromEnvironment } from './s3-blob-store.js';

export class AttachmentsUrlError extends Error {}

export function openBlobStore(attachmentsUrl: string | null | undefined, dataDir: string): BlobStore {
  if (!attachmentsUrl) return new FileBlobStore(join(dataDir, 'blobs'));
  if (attachmentsUrl.startsWith('file://')) return new FileBlobStore(fileURLToPath(attachmentsUrl));
  if (attachmentsUrl.startsWith('s3://')) {
    // Uploads are spooled in the data folder on their way to the bucket.
    return new S3BlobStore(s3ClientFromEnvironment(), parseS3Url(attachmentsUrl), join(dataDir, 'upload-spool'));
  }
  throw new AttachmentsUrlError('ATTACHMENTS_URL must be file:///a/folder or s3://bucket.');
}
