// Attachment upload and download: who may read the bytes, the 10 MiB limit decided while
// streaming (exactly 10 MiB accepted, one byte more 413), flat memory and nothing left on disk.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageResponse, UploadResponse } from '../../common/http/index.js';
import { MAX_ATTACHMENT_BYTES } from '../../common/limits.js';
import { apiClient, errorCode, waitFor } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

const upload = (size: number, extra: Partial<Parameters<typeof uploadStream>[0]> = {}) =>
  uploadStream({ baseUrl: server.url, token: w.desk.token, practiceId: w.sunriseId, size, ...extra });

const download = (token: string, id: string) =>
  fetch(`${server.url}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });

describe('upload and download', () => {
  it('stores a file under its sha256 and lets the uploader and the message viewers read it', async () => {
    const result = await upload(5000, { fileName: 'Lab résumé (1).pdf', contentType: 'application/pdf' });
    expect(result.status).toBe(201);
    const { attachment } = UploadResponse.parse(result.body);
    expect(attachment).toMatchObject({
      name: 'Lab résumé (1).pdf',
      size: 5000,
      mimeType: 'application/pdf',
      sha256: result.sentSha256,
    });
    const own = await download(w.desk.token, attachment.id);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toContain("filename*=UTF-8''Lab%20r%C3%A9sum%C3%A9%20%281%29.pdf");
    expect((await own.arrayBuffer()).byteLength).toBe(5000);
    // Not yet on any message: only the uploader may read it.
    expect((await download(w.lee.token, attachment.id)).status).toBe(404);
    const sent = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'File',
      body: 'See file.',
      attachments: [{ kind: 'file', id: attachment.id }],
    });
    expect(sent.status).toBe(201);
    expect(SendMessageResponse.parse(sent.body).message.attachments[0]).toMatchObject({
      kind: 'file',
      id: attachment.id,
      sha256: result.sentSha256,
    });
    const viewer = await download(w.lee.token, attachment.id);
    expect(viewer.status).toBe(200);
    expect(viewer.headers.get('content-type')).toBe('application/pdf');
    await viewer.arrayBuffer();
    for (const outsider of [w.billing.token, w.nurse.token, w.ana.token]) {
      const response = await download(outsider, attachment.id);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
  });

  it("refuses another staff member's upload in a message, and an upload from another practice", async () => {
    const { attachment } = UploadResponse.parse((await upload(10)).body);
    const byLee = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.desk.login.user.id],
      subject: 'x',
      body: 'y',
      attachments: [{ kind: 'file', id: attachment.id }],
    });
    expect([byLee.status, errorCode(byLee)]).toEqual([422, 'unknown_attachment']);
    const billingUpload = await uploadStream({
      baseUrl: server.url,
      token: w.billing.token,
      practiceId: w.lakesideId,
      size: 10,
    });
    const billingId = UploadResponse.parse(billingUpload.body).attachment.id;
    const crossPractice = await w.billing.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.desk.login.user.id],
      subject: 'x',
      body: 'y',
      attachments: [{ kind: 'file', id: billingId }],
    });
    expect(errorCode(crossPractice)).toBe('unknown_attachment');
  });

  it('needs a file name header and a member of the practice', async () => {
    const api = apiClient(server.url, w.desk.token);
    const noName = await api('POST', `/practices/${w.sunriseId}/attachments`, 'abc', { 'content-type': 'text/plain' });
    expect([noName.status, errorCode(noName)]).toEqual([400, 'malformed_request']);
    const badName = await api('POST', `/practices/${w.sunriseId}/attachments`, 'abc', {
      'content-type': 'text/plain',
      'x-file-name': '%E0%A4%A',
    });
    expect(badName.status).toBe(400);
    const nurse = await uploadStream({ baseUrl: server.url, token: w.nurse.token, practiceId: w.sunriseId, size: 10 });
    expect(nurse.status).toBe(404);
    const patient = await uploadStream({ baseUrl: server.url, token: w.ana.token, practiceId: w.sunriseId, size: 10 });
    expect(patient.status).toBe(401);
  });
});

describe('the 10 MiB limit', () => {
  const storedBlobs = (): number => readdirSync(join(server.dataDir, 'blobs')).length;
  const temporaryFiles = (): string[] => readdirSync(join(server.dataDir, 'blobs', '.partial'));

  it('accepts exactly 10 MiB, refuses one byte more while streaming, keeps memory flat and leaves no file', async () => {
    const before = storedBlobs();
    let peakRss = process.memoryUsage().rss;
    const baseline = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    try {
      const exact = await upload(MAX_ATTACHMENT_BYTES);
      expect(exact.status).toBe(201);
      expect(UploadResponse.parse(exact.body).attachment.size).toBe(MAX_ATTACHMENT_BYTES);
      const exactChunked = await upload(MAX_ATTACHMENT_BYTES, { length: 'chunked' });
      expect(exactChunked.status).toBe(201);
      for (let round = 0; round < 3; round += 1) {
        const over = await upload(MAX_ATTACHMENT_BYTES + 1, { length: 'chunked' });
        expect([over.status, errorCode({ status: over.status, body: over.body, headers: new Headers() })]).toEqual([
          413,
          'attachment_too_large',
        ]);
      }
    } finally {
      clearInterval(sampler);
    }
    // Refused from its Content-Length; its body is then read and dropped (so the client can read the
    // 413), which only makes garbage: outside the memory window, where it would be GC noise.
    const declaredOver = await upload(MAX_ATTACHMENT_BYTES + 1);
    expect(declaredOver.status).toBe(413);
    // Both accepted uploads have the same bytes, so one new blob; the refused ones left nothing.
    expect(storedBlobs()).toBe(before + 1);
    expect(temporaryFiles()).toEqual([]);
    // Buffering even one whole upload would add 10 MiB per request; allow noise well below 4 uploads' worth.
    expect(peakRss - baseline).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('unused uploads', () => {
  it('are removed with their bytes after 24 h, while used ones stay', async () => {
    let clock = Date.now();
    const aged = await startTestServer({ now: () => clock, tokenIdleMs: 7 * 24 * 60 * 60 * 1000 });
    try {
      const world = await signInDemo(aged.url);
      const put = (size: number) =>
        uploadStream({ baseUrl: aged.url, token: world.desk.token, practiceId: world.sunriseId, size });
      const unused = UploadResponse.parse((await put(1234)).body).attachment;
      const used = UploadResponse.parse((await put(4321)).body).attachment;
      const sent = await world.desk.api('POST', `/practices/${world.sunriseId}/messages`, {
        clientId: randomUUID(),
        to: [world.lee.login.user.id],
        subject: 'Keep',
        body: 'b',
        attachments: [{ kind: 'file', id: used.id }],
      });
      expect(sent.status).toBe(201);
      const read = (id: string) =>
        fetch(`${aged.url}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${world.desk.token}` } });
      await aged.runMaintenance();
      expect((await read(unused.id)).status).toBe(200); // not 24 h old yet
      clock += 24 * 60 * 60 * 1000 + 1;
      await aged.runMaintenance();
      expect((await read(unused.id)).status).toBe(404);
      expect(readdirSync(join(aged.dataDir, 'blobs'))).not.toContain(unused.sha256);
      const kept = await read(used.id);
      expect(kept.status).toBe(200);
      expect((await kept.arrayBuffer()).byteLength).toBe(4321);
    } finally {
      await aged.cleanup();
    }
  });
});

describe('an interrupted upload', () => {
  it('leaves no temporary file and no upload behind, and the server keeps serving', async () => {
    const temporaryFiles = (): string[] => readdirSync(join(server.dataDir, 'blobs', '.partial'));
    const url = new URL(`${server.url}/api/v1/practices/${w.sunriseId}/attachments`);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.desk.token}`, 'content-length': 1_000_000, 'x-file-name': 'partial.bin' },
    });
    req.on('error', () => undefined); // we cut it ourselves
    req.write(Buffer.alloc(200_000, 1));
    await waitFor(() => temporaryFiles().length === 1, 5_000);
    req.destroy();
    await waitFor(() => temporaryFiles().length === 0, 5_000);
    expect((await w.anonymous('GET', '/health')).status).toBe(200);
  });
});
