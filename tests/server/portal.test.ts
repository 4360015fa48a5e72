// The patient portal: a patient sees only their own threads; their messages reach every staff
// member of the practice; staff can reply (to the patient only) but never start a thread.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PortalMessagesResponse,
  PortalSendResponse,
  SendMessageResponse,
  SyncResponse,
  UploadResponse,
} from '../../common/http/index.js';
import { errorCode } from '../support/practice-server-client.js';
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

const portalSend = (api = w.ana.api, extra: Record<string, unknown> = {}) =>
  api('POST', '/portal/messages', {
    clientId: randomUUID(),
    subject: 'Question',
    body: 'When is my appointment?',
    ...extra,
  });

describe('portal', () => {
  it('shows a patient only their own threads, with staff replies and no staff-only messages', async () => {
    const mine = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((m) => m.patient?.id === w.ana.login.patient.id)).toBe(true);
    expect(mine.some((m) => m.source === 'staff' && m.recipients[0]?.kind === 'patient')).toBe(true);
    expect(mine.some((m) => m.subject.includes('Refill'))).toBe(false); // staff-only, though about Ana
    const bens = PortalMessagesResponse.parse((await w.ben.api('GET', '/portal/messages')).body).messages;
    expect(bens.every((m) => m.patient?.id === w.ben.login.patient.id)).toBe(true);
  });

  it('delivers a portal message to every staff member of the practice, unread', async () => {
    const sent = await portalSend();
    expect(sent.status).toBe(201);
    const { message } = PortalSendResponse.parse(sent.body);
    expect(message.source).toBe('portal');
    expect(message.sender).toEqual({ kind: 'patient', id: w.ana.login.patient.id, name: 'Ana Ruiz' });
    for (const staff of [w.desk, w.lee, w.billing]) {
      const seen = await staff.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`);
      expect(SendMessageResponse.parse(seen.body).state.read).toBe(false);
    }
    expect((await w.nurse.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`)).status).toBe(404);
  });

  it('lets staff reply to the patient (to empty) and the patient answer in the same thread', async () => {
    const { message: question } = PortalSendResponse.parse((await portalSend()).body);
    const withTo = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.desk.login.user.id],
      subject: 'Re',
      body: 'x',
      inReplyTo: question.id,
    });
    expect([withTo.status, errorCode(withTo)]).toEqual([422, 'reply_goes_to_patient']);
    const reply = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [],
      subject: 'Re: Question',
      body: 'Tuesday at 9.',
      inReplyTo: question.id,
    });
    expect(reply.status).toBe(201);
    const { message: answer } = SendMessageResponse.parse(reply.body);
    expect(answer.recipients).toEqual([{ kind: 'patient', id: w.ana.login.patient.id, name: 'Ana Ruiz' }]);
    expect(answer.threadId).toBe(question.threadId);
    const thanks = await portalSend(w.ana.api, { subject: 'Re: Question', body: 'Thanks', inReplyTo: answer.id });
    expect(PortalSendResponse.parse(thanks.body).message.threadId).toBe(question.threadId);
    const mine = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages;
    expect(mine.map((m) => m.id)).toEqual(expect.arrayContaining([question.id, answer.id]));
  });

  it('lets the patient download a file attached to a staff reply in their thread, and no one else', async () => {
    const { message: question } = PortalSendResponse.parse((await portalSend()).body);
    const upload = await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 321,
      fileName: 'instructions.pdf',
    });
    const fileId = UploadResponse.parse(upload.body).attachment.id;
    const reply = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [],
      subject: 'Re: Question',
      body: 'See the attached instructions.',
      inReplyTo: question.id,
      attachments: [{ kind: 'file', id: fileId }],
    });
    expect(reply.status).toBe(201);
    const download = (token: string) =>
      fetch(`${server.url}/api/v1/attachments/${fileId}`, { headers: { authorization: `Bearer ${token}` } });
    const ana = await download(w.ana.token);
    expect(ana.status).toBe(200);
    expect((await ana.arrayBuffer()).byteLength).toBe(321);
    // Every Sunrise staff member sees staff replies in portal threads (the shared queue); Lakeside's nurse does not.
    for (const outsider of [w.ben.token, w.nurse.token]) {
      const response = await download(outsider);
      expect(response.status).toBe(404);
      await response.arrayBuffer();
    }
  });

  it("never lets a patient reply into another patient's thread, nor use a staff message", async () => {
    const { message: anaQuestion } = PortalSendResponse.parse((await portalSend()).body);
    const intoOther = await portalSend(w.ben.api, { inReplyTo: anaQuestion.id });
    expect([intoOther.status, errorCode(intoOther)]).toEqual([422, 'unknown_message']);
    const staffOnly = SyncResponse.parse((await w.desk.api('GET', '/sync?limit=1000')).body).changes.find(
      (c) =>
        c.kind === 'message' && c.message.source === 'staff' && c.message.recipients.every((r) => r.kind === 'staff'),
    );
    expect(staffOnly?.kind).toBe('message');
    const intoStaff = await portalSend(w.ana.api, {
      inReplyTo: staffOnly?.kind === 'message' ? staffOnly.message.id : '',
    });
    expect(intoStaff.status).toBe(422);
  });

  it('applies clientId idempotency to portal messages', async () => {
    const clientId = randomUUID();
    const first = await portalSend(w.ana.api, { clientId });
    const retry = await portalSend(w.ana.api, { clientId });
    const conflict = await portalSend(w.ana.api, { clientId, body: 'different' });
    expect([first.status, retry.status, conflict.status]).toEqual([201, 200, 409]);
  });

  it('validates portal input: 400 for shape, 422 for values', async () => {
    expect((await portalSend(w.ana.api, { subject: 42 })).status).toBe(400);
    expect((await portalSend(w.ana.api, { subject: '' })).status).toBe(422);
  });
});
