// Sending messages: success, every 4xx code of the send route, shared commits, replies, mailbox
// state and 405.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageResponse, StateResponse } from '../../common/http/index.js';
import { MAX_BODY_CHARS, MAX_RECIPIENTS, MAX_SUBJECT_CHARS } from '../../common/limits.js';
import { errorCode } from '../support/practice-server-client.js';
import { sendDeskToLee, signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;
let leeId: string;
let deskId: string;
let anaId: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
  leeId = w.lee.login.user.id;
  deskId = w.desk.login.user.id;
  anaId = w.ana.login.patient.id;
});
afterAll(() => server.cleanup());

const send = (overrides: Record<string, unknown> = {}) => sendDeskToLee(w, overrides);

describe('sending', () => {
  it('stores a message and answers 201 with the sender state read', async () => {
    const response = await send({ patientId: anaId });
    expect(response.status).toBe(201);
    const { message, state } = SendMessageResponse.parse(response.body);
    expect(message.sender).toEqual({ kind: 'staff', id: deskId, name: 'Frances Delgado' });
    expect(message.recipients).toEqual([{ kind: 'staff', id: leeId, name: 'Dr. Daniel Lee' }]);
    expect(message.patient).toEqual({ id: anaId, name: 'Ana Ruiz' });
    expect(message.threadId).toBe(message.id);
    expect(state).toEqual({ messageId: message.id, read: true, flagged: false, archived: false, snoozedUntil: null });
    const seen = await w.lee.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`);
    expect(SendMessageResponse.parse(seen.body).state.read).toBe(false);
  });

  it('links an encounter and a document and carries record attachments', async () => {
    const patient = await w.desk.api('GET', `/practices/${w.sunriseId}/patients/${anaId}`);
    const detail = (
      patient.body as {
        patient: { encounters: { id: string; date: string }[]; documents: { id: string; title: string }[] };
      }
    ).patient;
    const encounter = detail.encounters[0]!;
    const document = detail.documents[0]!;
    const response = await send({
      encounterId: encounter.id,
      documentId: document.id,
      attachments: [
        { kind: 'encounter', id: encounter.id },
        { kind: 'patient', id: anaId },
        { kind: 'document', id: document.id },
      ],
    });
    expect(response.status).toBe(201);
    const { message } = SendMessageResponse.parse(response.body);
    expect(message.encounter).toEqual({ id: encounter.id, date: encounter.date });
    expect(message.patient?.name).toBe('Ana Ruiz');
    expect(message.attachments.map((a) => ('refId' in a ? [a.kind, a.refId, a.name] : []))).toEqual([
      ['encounter', encounter.id, `Encounter ${encounter.date}`],
      ['patient', anaId, 'Patient record: Ana Ruiz'],
      ['document', document.id, document.title],
    ]);
  });

  it('refuses unknown and out-of-practice references with 422 and the matching code', async () => {
    const lakesidePatient = (await w.nurse.api('GET', `/practices/${w.lakesideId}/patients`)).body as {
      patients: { id: string }[];
    };
    const otherPatient = lakesidePatient.patients[0]!.id;
    const nurseId = w.nurse.login.user.id;
    const cases: [Record<string, unknown>, string][] = [
      [{ to: [nurseId] }, 'unknown_recipient'],
      [{ to: ['no-such-user'] }, 'unknown_recipient'],
      [{ to: [] }, 'no_recipients'],
      [{ patientId: otherPatient }, 'unknown_patient'],
      [{ encounterId: 'missing' }, 'unknown_encounter'],
      [{ documentId: 'missing' }, 'unknown_document'],
      [{ attachments: [{ kind: 'file', id: 'missing' }] }, 'unknown_attachment'],
      [{ attachments: [{ kind: 'patient', id: otherPatient }] }, 'unknown_attachment'],
      [{ inReplyTo: 'missing' }, 'unknown_message'],
      [{ subject: '   ' }, 'invalid_field'],
      [{ subject: 'x'.repeat(MAX_SUBJECT_CHARS + 1) }, 'invalid_field'],
      [{ body: 'x'.repeat(MAX_BODY_CHARS + 1) }, 'invalid_field'],
      [{ to: Array.from({ length: MAX_RECIPIENTS + 1 }, () => leeId) }, 'invalid_field'],
      [{ clientId: 'not-a-uuid' }, 'invalid_field'],
    ];
    for (const [overrides, code] of cases) {
      const response = await send(overrides);
      expect([response.status, errorCode(response)], JSON.stringify(overrides).slice(0, 80)).toEqual([422, code]);
    }
  });

  it('accepts the longest subject and body', async () => {
    const response = await send({ subject: 's'.repeat(MAX_SUBJECT_CHARS), body: 'b'.repeat(MAX_BODY_CHARS) });
    expect(response.status).toBe(201);
  });

  it('answers 400 for a malformed body and 415 for a non-JSON one', async () => {
    const wrongType = await send({ to: 'not-an-array' });
    expect([wrongType.status, errorCode(wrongType)]).toEqual([400, 'malformed_request']);
    const missing = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, { subject: 'x' });
    expect(missing.status).toBe(400);
    const notJson = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, '{"clientId":', {
      'content-type': 'application/json',
    });
    expect([notJson.status, errorCode(notJson)]).toEqual([400, 'malformed_request']);
    const text = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, 'hello', {
      'content-type': 'text/plain',
    });
    expect([text.status, errorCode(text)]).toEqual([415, 'unsupported_media_type']);
  });

  it('never lets staff start a message to a patient (403)', async () => {
    const response = await send({ to: [anaId] });
    expect([response.status, errorCode(response)]).toEqual([403, 'cannot_message_patient']);
  });

  it('answers 405 to DELETE on a message and 404 to an unknown route', async () => {
    const { message } = SendMessageResponse.parse((await send()).body);
    const deleted = await w.desk.api('DELETE', `/practices/${w.sunriseId}/messages/${message.id}`);
    expect([deleted.status, errorCode(deleted)]).toEqual([405, 'method_not_allowed']);
    expect(deleted.headers.get('allow')).toBe('GET');
    const unknown = await w.desk.api('GET', '/no/such/route');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'not_found']);
  });
});

describe('writes that share a commit', () => {
  it('keeps concurrent valid sends when invalid ones fail beside them', async () => {
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(i % 3 === 0 ? { to: ['nobody'], subject: `Batch ${i}` } : { subject: `Batch ${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    for (const response of responses.filter((r) => r.status === 201)) {
      const { message } = SendMessageResponse.parse(response.body);
      expect((await w.lee.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`)).status).toBe(200);
    }
  });
});

describe('replies', () => {
  it('keeps the thread of a staff message and uses "to" as given', async () => {
    const { message: first } = SendMessageResponse.parse((await send()).body);
    const billingId = w.billing.login.user.id;
    const reply = await w.lee.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [deskId, billingId],
      subject: 'Re: Call back',
      body: 'Done.',
      inReplyTo: first.id,
    });
    expect(reply.status).toBe(201);
    const { message } = SendMessageResponse.parse(reply.body);
    expect(message.threadId).toBe(first.threadId);
    expect(message.inReplyTo).toBe(first.id);
    expect(message.recipients.map((r) => r.id).sort()).toEqual([deskId, billingId].sort());
  });

  it('cannot reply to a message the sender never saw', async () => {
    const { message } = SendMessageResponse.parse((await send()).body);
    const reply = await w.billing.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [deskId],
      subject: 'Re',
      body: 'x',
      inReplyTo: message.id,
    });
    expect([reply.status, errorCode(reply)]).toEqual([422, 'unknown_message']);
  });
});

describe('mailbox state', () => {
  it("changes only the caller's own state", async () => {
    const { message } = SendMessageResponse.parse((await send()).body);
    const patched = await w.lee.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, {
      flagged: true,
      read: true,
    });
    expect(patched.status).toBe(200);
    expect(StateResponse.parse(patched.body).state).toEqual({
      messageId: message.id,
      read: true,
      flagged: true,
      archived: false,
      snoozedUntil: null,
    });
    const sender = await w.desk.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`);
    expect(SendMessageResponse.parse(sender.body).state.flagged).toBe(false);
    const archived = await w.desk.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, {
      archived: true,
    });
    expect(StateResponse.parse(archived.body).state).toMatchObject({ read: true, archived: true, flagged: false });
  });

  it('answers 404 for a message the caller cannot see and 400 for unknown fields', async () => {
    const { message } = SendMessageResponse.parse((await send()).body);
    const other = await w.billing.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, {
      read: true,
    });
    expect([other.status, errorCode(other)]).toEqual([404, 'not_found']);
    const unknownField = await w.lee.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, {
      deleted: true,
    });
    expect([unknownField.status, errorCode(unknownField)]).toEqual([400, 'malformed_request']);
    const wrongType = await w.lee.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, {
      read: 'yes',
    });
    expect(wrongType.status).toBe(400);
  });
});
