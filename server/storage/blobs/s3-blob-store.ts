// Attachment and document bytes in an S3-compatible bucket (ATTACHMENTS_URL=s3://bucket[/prefix]),
// each object named by its sha256. Endpoint, region and credentials come from the standard AWS
// variables (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID, ...). An upload
// is spooled to a local temporary file first, so the 10 MiB limit is decided while streaming and
// an object is written only complete; downloads stream through the server (authorization stays here).
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { privateDir } from '../private-files.js';
import type { BlobStore, ReceiveResult, StoredBlob } from './blob-store.js';
import { spoolToFile } from './spool.js';

export interface S3Location {
  bucket: string;
  /** Key prefix ending in "/" (or empty). */
  prefix: string;
}

/** s3://bucket or s3://bucket/some/prefix */
export function parseS3Url(url: string): S3Location {
  const parsed = new URL(url);
  const prefix = parsed.pathname.replace(/^\/+/, '');
  return { bucket: parsed.hostname, prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix };
}

/** An S3 client from the standard AWS variables; a custom endpoint (MinIO, s3rver, ...) uses path-style addresses. */
export function s3ClientFromEnvironment(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  return new S3Client({
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
  });
}

export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly location: S3Location,
    /** A local folder for uploads on their way in. */
    private readonly spoolDir: string,
  ) {
    privateDir(spoolDir);
  }

  private key(sha256: string): string {
    return `${this.location.prefix}${sha256}`;
  }

  async receive(source: Readable, limit: number): Promise<ReceiveResult> {
    const temp = join(this.spoolDir, `${randomUUID()}.part`);
    const spooled = await spoolToFile(source, limit, temp);
    if (!spooled.ok) return spooled;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.location.bucket,
          Key: this.key(spooled.sha256),
          Body: createReadStream(temp),
          ContentLength: spooled.size,
        }),
      );
    } finally {
      await unlink(temp).catch(() => undefined);
    }
    return spooled;
  }

  async writeBytes(bytes: Buffer): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256), Body: bytes }));
    return { sha256, size: bytes.length };
  }

  async read(sha256: string): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }),
    );
    return object.Body as Readable;
  }

  async removeIfOlderThan(sha256: string, before: number): Promise<void> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }),
      );
      if ((head.LastModified?.getTime() ?? 0) >= before) return;
      await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.key(sha256) }));
    } catch {
      // already gone, or the bucket is away: the next maintenance tries again
    }
  }

  close(): void {
    this.client.destroy();
  }
}
