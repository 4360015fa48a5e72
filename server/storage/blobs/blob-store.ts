// Where attachment and document bytes live, named by their sha256: a folder (file://, the default
// DATA_DIR/blobs, which several instances may share) or an S3 bucket (s3://). Chosen by ATTACHMENTS_URL.
import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
}
export type ReceiveResult = ({ ok: true } & StoredBlob) | { ok: false; reason: 'too_large' };

export interface BlobStore {
  /**
   * Streams `source` in, hashing as it goes, and resolves once the bytes are stored durably under
   * their sha256. Past `limit` bytes it stops reading (the rest is the caller's to drain), keeps
   * nothing, and resolves `too_large`: the limit is decided while streaming, never after.
   */
  receive(source: Readable, limit: number): Promise<ReceiveResult>;
  writeBytes(bytes: Buffer): Promise<StoredBlob>;
  read(sha256: string): Promise<Readable>;
  /** Deletes the bytes unless they were (re)written at or after `before` (an upload still being recorded). */
  removeIfOlderThan(sha256: string, before: number): Promise<void>;
  close(): void;
}
