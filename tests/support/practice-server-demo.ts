// Test helper: signs every demo account in and gathers the ids tests need (practices, staff).
import { randomUUID } from 'node:crypto';
import type { LoginResponse, PortalLoginResponse } from '../../common/http/index.js';
import { DEMO_PATIENTS, DEMO_PRACTICES, DEMO_STAFF } from '../../server/demo/accounts.js';
import { apiClient, type Api } from './practice-server-client.js';
import { signInPatient, signInStaff } from './practice-server-session.js';

export interface SignedIn<T> {
  login: T;
  api: Api;
  token: string;
}

export interface DemoWorld {
  sunriseId: string;
  lakesideId: string;
  desk: SignedIn<LoginResponse>;
  lee: SignedIn<LoginResponse>;
  billing: SignedIn<LoginResponse>;
  nurse: SignedIn<LoginResponse>;
  ana: SignedIn<PortalLoginResponse>;
  ben: SignedIn<PortalLoginResponse>;
  anonymous: Api;
}

export async function signInDemo(baseUrl: string): Promise<DemoWorld> {
  const staff = async (email: string): Promise<SignedIn<LoginResponse>> => {
    const login = await signInStaff(baseUrl, email);
    return { login, token: login.token, api: apiClient(baseUrl, login.token) };
  };
  const patient = async (email: string): Promise<SignedIn<PortalLoginResponse>> => {
    const login = await signInPatient(baseUrl, email);
    return { login, token: login.token, api: apiClient(baseUrl, login.token) };
  };
  const [desk, lee, billing, nurse, ana, ben] = await Promise.all([
    staff(DEMO_STAFF.frontdesk),
    staff(DEMO_STAFF.drLee),
    staff(DEMO_STAFF.billing),
    staff(DEMO_STAFF.nurse),
    patient(DEMO_PATIENTS.ana),
    patient(DEMO_PATIENTS.ben),
  ]);
  const practiceId = (name: string): string => {
    const found = billing.login.practices.find((p) => p.name === name);
    if (!found) throw new Error(`demo practice ${name} missing`);
    return found.id;
  };
  return {
    sunriseId: practiceId(DEMO_PRACTICES.sunrise),
    lakesideId: practiceId(DEMO_PRACTICES.lakeside),
    desk,
    lee,
    billing,
    nurse,
    ana,
    ben,
    anonymous: apiClient(baseUrl),
  };
}

/** Front desk sends Dr. Lee a plain message in Sunrise; `overrides` change any field of the request body. */
export function sendDeskToLee(w: DemoWorld, overrides: Record<string, unknown> = {}) {
  return w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
    clientId: randomUUID(),
    to: [w.lee.login.user.id],
    subject: 'Call back',
    body: 'Please call the pharmacy.',
    ...overrides,
  });
}
