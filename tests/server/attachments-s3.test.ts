// Attachments in an S3-compatible bucket (ATTACHMENTS_URL=s3://...), against a real S3 server on
// loopback (s3rver): upload, download by a viewer, the 10 MiB limit decided while streaming (nothing
// reaches the bucket), and demo documents served from the bucket.
import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { DocumentsResponse, UploadResponse } from '../../common/http/index.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startLocalS3, type LocalS3 } from '../support/practice-server-s3.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let s3: LocalS3;
let server: TestPracticeServer;
let w: DemoWorld;
let bucket: S3Client;

beforeAll(async () => {
  s3 = await startLocalS3();
  server = await startTestServer({ attachmentsUrl: s3.attachmentsUrl });
  w = await signInDemo(server.url);
  bucket = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1' });
});
afterAll(async () => {
  bucket.destroy();
  await server.cleanup();
  await s3.stop();
});

const keys = async (): Promise<string[]> =>
  ((await bucket.send(new ListObjectsV2Command({ Bucket: 'practice-attachments' }))).Contents ?? []).map((o) => o.Key!);

const upload = (size: number, length: 'exact' | 'chunked' = 'exact') =>
  uploadStream({ baseUrl: server.url, token: w.desk.token, practiceId: w.sunriseId, size, length });

describe('attachments on S3', () => {
  it('stores an upload as an object named by its sha256 and serves it to the message viewer', async () => {
    const sent = await upload(300_000);
    expect(sent.status).toBe(201);
    const { attachment } = UploadResponse.parse(sent.body);
    expect(attachment.sha256).toBe(sent.sentSha256);
    expect(await keys()).toContain(`attachments/${attachment.sha256}`);
    const message = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'Scan',
      body: 'Attached.',
      attachments: [{ kind: 'file', id: attachment.id }],
    });
    expect(message.status).toBe(201);
    const download = await fetch(`${server.url}/api/v1/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${w.lee.token}` },
    });
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.length).toBe(300_000);
    const nurse = await fetch(`${server.url}/api/v1/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${w.nurse.token}` },
    });
    expect(nurse.status).toBe(404);
  });

  it('accepts exactly 10 MiB and refuses one byte more while streaming, writing nothing to the bucket', async () => {
    const before = await keys();
    expect((await upload(MAX_ATTACHMENT_BYTES, 'chunked')).status).toBe(201);
    const afterExact = await keys();
    expect(afterExact.length).toBe(before.length + 1);
    const over = await upload(MAX_ATTACHMENT_BYTES + 1, 'chunked');
    expect(over.status).toBe(413);
    expect(await keys()).toEqual(afterExact);
  });

  it('seeds the demo documents into the bucket and serves them from there', async () => {
    const documents = DocumentsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/documents`)).body,
    ).documents;
    const pdf = documents.find((d) => d.mimeType === 'application/pdf')!;
    const response = await fetch(`${server.url}/api/v1/practices/${w.sunriseId}/documents/${pdf.id}/content`, {
      headers: { authorization: `Bearer ${w.desk.token}` },
    });
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
