// Forward (API.md second wave): a send may carry a file attachment of any message the caller can
// see, without uploading it again; a file the caller cannot see is 422 unknown_attachment.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadResponse, type FileAttachment } from '../../../common/http/index.js';
import { uploadStream } from '../../support/practice-server-upload.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  expectNoChanges,
  failure,
  feedEnds,
  staffSend,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

let server: TestPracticeServer;
let w: WorkflowWorld;
let fileId: string;
let original: FileAttachment;

beforeAll(async () => {
  ({ server, w } = await startWorkflowServer());
  const upload = await uploadStream({
    baseUrl: server.url,
    token: w.desk.token,
    practiceId: w.sunriseId,
    size: 4321,
    fileName: 'intake form.pdf',
    contentType: 'application/pdf',
  });
  fileId = UploadResponse.parse(upload.body).attachment.id;
  const sent = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], {
    attachments: [{ kind: 'file', id: fileId }],
  });
  original = sent.attachments[0] as FileAttachment;
});
afterAll(() => server.cleanup());

const download = (token: string, id: string) =>
  fetch(`${server.url}/api/v1/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });

const sendWithFile = (api: WorkflowWorld['lee']['api'], practiceId: string, to: string[], id: string) =>
  api('POST', `/practices/${practiceId}/messages`, {
    clientId: randomUUID(),
    to,
    subject: 'Fwd: intake form',
    body: 'Forwarding this for your records.',
    attachments: [{ kind: 'file', id }],
  });

describe('forward', () => {
  it("lets a recipient forward a message's file without uploading it again", async () => {
    const forwarded = await staffSend(w.lee.api, w.sunriseId, [w.billing.login.user.id], {
      subject: 'Fwd: intake form',
      attachments: [{ kind: 'file', id: fileId }],
    });
    expect(forwarded.attachments).toEqual([original]);
    const bytes = await download(w.billing.token, fileId);
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBe(4321);
  });

  it('refuses a file the caller cannot see with 422 unknown_attachment, and stores nothing', async () => {
    const upload = await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 10,
      fileName: 'private.txt',
    });
    const privateId = UploadResponse.parse(upload.body).attachment.id;
    const secret = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], {
      attachments: [{ kind: 'file', id: privateId }],
    });
    expect(secret.attachments).toHaveLength(1);
    const cursors = await feedEnds([w.billing.api, w.desk.api, w.admin.api]);
    // Billing never saw that message: neither its file id nor an upload id of someone else works.
    const refused = await sendWithFile(w.billing.api, w.sunriseId, [w.desk.login.user.id], privateId);
    expect(failure(refused)).toEqual([422, 'unknown_attachment']);
    const notMine = await sendWithFile(w.admin.api, w.sunriseId, [w.desk.login.user.id], privateId);
    expect(failure(notMine)).toEqual([422, 'unknown_attachment']);
    await expectNoChanges([w.billing.api, w.desk.api, w.admin.api], cursors, 'a refused forward changed a feed');
    const stillHidden = await download(w.billing.token, privateId);
    expect(stillHidden.status).toBe(404);
    await stillHidden.arrayBuffer();
  });

  it("refuses a file from another practice's message, even to someone who can see it there", async () => {
    // Billing sees the Sunrise message after the first test's forward, but may not carry it into Lakeside.
    const refused = await sendWithFile(w.billing.api, w.lakesideId, [w.nurse.login.user.id], fileId);
    expect(failure(refused)).toEqual([422, 'unknown_attachment']);
    const nurseTry = await sendWithFile(w.nurse.api, w.lakesideId, [w.billing.login.user.id], fileId);
    expect(failure(nurseTry)).toEqual([422, 'unknown_attachment']);
    const nurseDownload = await download(w.nurse.token, fileId);
    expect(nurseDownload.status).toBe(404);
    await nurseDownload.arrayBuffer();
  });

  it('lets a patient download a forwarded file a staff reply carries into their thread only', async () => {
    const question = await w.ana.api('POST', '/portal/messages', {
      clientId: randomUUID(),
      subject: 'Form',
      body: 'Which form do I need?',
    });
    const questionId = (question.body as { message: { id: string } }).message.id;
    const reply = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [],
      subject: 'Re: Form',
      body: 'This one.',
      inReplyTo: questionId,
      attachments: [{ kind: 'file', id: fileId }],
    });
    expect(reply.status).toBe(201);
    const ana = await download(w.ana.token, fileId);
    expect(ana.status).toBe(200);
    await ana.arrayBuffer();
    const ben = await download(w.ben.token, fileId);
    expect(ben.status).toBe(404);
    await ben.arrayBuffer();
  });
});
