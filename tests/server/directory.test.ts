// Directory and records: staff list, patient search by name or MRN, patient detail and encounters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncounterResponse, PatientResponse, PatientsResponse, UsersResponse } from '../../common/http/index.js';
import { errorCode } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;
let anaId: string;
let benId: string;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
  anaId = w.ana.login.patient.id;
  benId = w.ben.login.patient.id;
});
afterAll(() => server.cleanup());

describe('directory', () => {
  it('lists staff, searches patients by name or MRN and reads records', async () => {
    const users = UsersResponse.parse((await w.desk.api('GET', `/practices/${w.sunriseId}/users`)).body).users;
    expect(users.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Dr. Daniel Lee', 'Frances Delgado', 'Priya Shah']),
    );
    expect(users.some((u) => u.name.startsWith('Nora'))).toBe(false);
    const all = PatientsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients?limit=200`)).body,
    ).patients;
    expect(all.length).toBeGreaterThanOrEqual(20);
    const byName = PatientsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients?query=ana%20ru`)).body,
    ).patients;
    expect(byName.map((p) => p.name)).toEqual(['Ana Ruiz']);
    const byMrn = PatientsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients?query=${byName[0]!.mrn.toLowerCase()}`)).body,
    ).patients;
    expect(byMrn.map((p) => p.id)).toEqual([anaId]);
    const limited = PatientsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients?limit=3`)).body,
    ).patients;
    expect(limited).toHaveLength(3);
    expect(
      PatientsResponse.parse((await w.desk.api('GET', `/practices/${w.sunriseId}/patients?query=%25`)).body).patients,
    ).toHaveLength(0);
    expect((await w.desk.api('GET', `/practices/${w.sunriseId}/patients/${benId}`)).status).toBe(404);
    const detail = PatientResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/patients/${anaId}`)).body,
    ).patient;
    const encounter = detail.encounters[0]!;
    const read = await w.desk.api('GET', `/practices/${w.sunriseId}/encounters/${encounter.id}`);
    expect(EncounterResponse.parse(read.body).encounter).toEqual(encounter);
    expect(detail.documents.every((d) => d.patientId === anaId)).toBe(true);
    const unknown = await w.desk.api('GET', `/practices/${w.sunriseId}/encounters/nope`);
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'not_found']);
  });
});
