// Test helper: a real S3-compatible server on loopback (s3rver, files in a temporary folder) with one
// bucket, and the standard AWS variables that point the practice server's S3 client at it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface LocalS3 {
  /** ATTACHMENTS_URL for the practice server. */
  attachmentsUrl: string;
  endpoint: string;
  bucketFolder: string;
  stop(): Promise<void>;
}

const BUCKET = 'practice-attachments';

/** Starts s3rver and sets AWS_ENDPOINT_URL_S3, AWS_REGION and s3rver's fixed key pair in process.env. */
export async function startLocalS3(): Promise<LocalS3> {
  const directory = mkdtempSync(join(tmpdir(), 'practice-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: BUCKET }],
  });
  const address = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${address.port}`;
  const previous = { ...process.env };
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  });
  return {
    attachmentsUrl: `s3://${BUCKET}/attachments`,
    endpoint,
    bucketFolder: join(directory, BUCKET),
    stop: async () => {
      await server.close();
      for (const name of ['AWS_ENDPOINT_URL_S3', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) {
        if (previous[name] === undefined) delete process.env[name];
        else process.env[name] = previous[name];
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
