// A staff reply in a portal thread reaches the patient: it may link or attach only that patient and
// their own encounters and documents; any other record is 422 `wrong_patient` and nothing is stored.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PatientResponse,
  PatientsResponse,
  PortalMessagesResponse,
  PortalSendResponse,
  SendMessageResponse,
  SyncResponse,
  UploadResponse,
  type PatientDetail,
} from '../../common/http/index.js';
import { errorCode } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';
import { uploadStream } from '../support/practice-server-upload.js';

let server: TestPracticeServer;
let w: DemoWorld;
let ana: PatientDetail;
let grace: PatientDetail;
let threadStart: string;

async function patientNamed(name: string): Promise<PatientDetail> {
  const found = PatientsResponse.parse(
    (await w.desk.api('GET', `/practices/${w.sunriseId}/patients?query=${encodeURIComponent(name)}`)).body,
  ).patients[0];
  if (!found) throw new Error(`demo patient ${name} missing`);
  return PatientResponse.parse((await w.desk.api('GET', `/practices/${w.sunriseId}/patients/${found.id}`)).body)
    .patient;
}

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
  [ana, grace] = await Promise.all([patientNamed('Ana Ruiz'), patientNamed('Grace Kim')]);
  const question = await w.ana.api('POST', '/portal/messages', {
    clientId: randomUUID(),
    subject: 'Question',
    body: 'Can you send my results?',
  });
  threadStart = PortalSendResponse.parse(question.body).message.id;
});
afterAll(() => server.cleanup());

const reply = (extra: Record<string, unknown>) =>
  w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
    clientId: randomUUID(),
    to: [],
    subject: 'Re: Question',
    body: 'Here you are.',
    inReplyTo: threadStart,
    ...extra,
  });

const first = <T>(items: T[], what: string): T => {
  if (!items[0]) throw new Error(`demo data has no ${what}`);
  return items[0];
};

describe('a reply in a portal thread', () => {
  it('refuses links to another patient, their encounter or their document with 422 wrong_patient, storing nothing', async () => {
    const otherEncounter = first(grace.encounters, "Grace's encounter").id;
    const otherDocument = first(grace.documents, "Grace's document").id;
    const ownEncounter = first(ana.encounters, "Ana's encounter").id;
    const refused = [
      { patientId: grace.id },
      { encounterId: otherEncounter },
      { documentId: otherDocument },
      // The thread's patient named, but another patient's encounter or document beside it.
      { patientId: ana.id, encounterId: otherEncounter },
      { patientId: ana.id, documentId: otherDocument },
      { attachments: [{ kind: 'patient', id: grace.id }] },
      { attachments: [{ kind: 'encounter', id: otherEncounter }] },
      { attachments: [{ kind: 'document', id: otherDocument }] },
      { encounterId: ownEncounter, attachments: [{ kind: 'patient', id: grace.id }] },
    ];
    const cursorBefore = SyncResponse.parse((await w.desk.api('GET', '/sync?limit=1000')).body).cursor;
    const portalBefore = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages
      .length;
    for (const extra of refused) {
      const response = await reply(extra);
      expect([response.status, errorCode(response)], JSON.stringify(extra)).toEqual([422, 'wrong_patient']);
      expect(JSON.stringify(response.body)).not.toContain('Grace');
    }
    const after = SyncResponse.parse((await w.desk.api('GET', `/sync?after=${cursorBefore}`)).body);
    expect(after.changes).toEqual([]);
    const portalAfter = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages;
    expect(portalAfter.length).toBe(portalBefore);
  });

  it('refuses a document that belongs to no patient', async () => {
    const documents = (await w.desk.api('GET', `/practices/${w.sunriseId}/documents?query=`)).body as {
      documents: { id: string; patientId: string | null }[];
    };
    const unowned = first(
      documents.documents.filter((d) => d.patientId === null),
      'document without a patient',
    );
    for (const extra of [{ documentId: unowned.id }, { attachments: [{ kind: 'document', id: unowned.id }] }]) {
      const response = await reply(extra);
      expect([response.status, errorCode(response)]).toEqual([422, 'wrong_patient']);
    }
  });

  it("accepts the thread's own patient, encounters and documents, linked and attached", async () => {
    const encounter = first(ana.encounters, "Ana's encounter").id;
    const document = first(ana.documents, "Ana's document").id;
    const response = await reply({
      patientId: ana.id,
      encounterId: encounter,
      documentId: document,
      attachments: [
        { kind: 'patient', id: ana.id },
        { kind: 'encounter', id: encounter },
        { kind: 'document', id: document },
      ],
    });
    expect(response.status).toBe(201);
    const { message } = SendMessageResponse.parse(response.body);
    expect(message.patient?.id).toBe(ana.id);
    expect(message.attachments.map((a) => a.kind)).toEqual(['patient', 'encounter', 'document']);
    const seen = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages;
    expect(seen.map((m) => m.id)).toContain(message.id);
  });

  it('refuses to forward a file from a message about another patient, storing nothing', async () => {
    const upload = async (fileName: string) =>
      UploadResponse.parse(
        (await uploadStream({ baseUrl: server.url, token: w.desk.token, practiceId: w.sunriseId, size: 64, fileName }))
          .body,
      ).attachment.id;
    const gracesFile = await upload('results.pdf');
    const toLee = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'Results',
      body: 'For the chart.',
      patientId: grace.id,
      attachments: [{ kind: 'file', id: gracesFile }],
    });
    expect(toLee.status).toBe(201);
    const cursorBefore = SyncResponse.parse((await w.desk.api('GET', '/sync?limit=1000')).body).cursor;
    const refused = await reply({ attachments: [{ kind: 'file', id: gracesFile }] });
    expect([refused.status, errorCode(refused)]).toEqual([422, 'wrong_patient']);
    expect(JSON.stringify(refused.body)).not.toContain('results.pdf');
    expect(SyncResponse.parse((await w.desk.api('GET', `/sync?after=${cursorBefore}`)).body).changes).toEqual([]);

    // A file picked for this reply goes out; once in Ana's conversation, it may be sent to her again.
    // (A file on messages about no patient, a blank form, may be forwarded too: forward.test.ts.)
    const forAna = await upload('instructions.pdf');
    expect((await reply({ attachments: [{ kind: 'file', id: forAna }] })).status).toBe(201);
    expect((await reply({ attachments: [{ kind: 'file', id: forAna }] })).status).toBe(201);
  });

  it('still lets a staff-to-staff message link any patient of the practice', async () => {
    const response = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'Two patients',
      body: 'See both.',
      patientId: grace.id,
      attachments: [{ kind: 'patient', id: ana.id }],
    });
    expect(response.status).toBe(201);
  });
});
