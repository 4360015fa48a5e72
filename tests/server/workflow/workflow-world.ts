// Shared setup for the second-wave (team workflow) server tests: a demo server, every demo account
// signed in (the practice admin too), and small helpers to read a user's feed before and after a request.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import {
  PortalSendResponse,
  PortalThreadsResponse,
  SendMessageResponse,
  SyncResponse,
  type Change,
  type LoginResponse,
  type Message,
  type PortalThread,
} from '../../../common/http/index.js';
import { DEMO_STAFF } from '../../../server/demo/accounts.js';
import type { PracticeServerOptions } from '../../../server/start.js';
import { apiClient, type Api, type ApiResponse } from '../../support/practice-server-client.js';
import { signInDemo, type DemoWorld, type SignedIn } from '../../support/practice-server-demo.js';
import { signInStaff } from '../../support/practice-server-session.js';
import { startTestServer, type TestPracticeServer } from '../../support/practice-server.js';

export interface WorkflowWorld extends DemoWorld {
  admin: SignedIn<LoginResponse>;
}

export async function startWorkflowServer(
  opts: Partial<PracticeServerOptions> = {},
): Promise<{ server: TestPracticeServer; w: WorkflowWorld }> {
  const server = await startTestServer(opts);
  const demo = await signInDemo(server.url);
  const login = await signInStaff(server.url, DEMO_STAFF.admin);
  return { server, w: { ...demo, admin: { login, token: login.token, api: apiClient(server.url, login.token) } } };
}

/** Every change after `after` (all of them without), following `more` to the end. */
export async function changesSince(api: Api, after?: string): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  let cursor = after;
  for (let page = 0; page < 1000; page += 1) {
    const response = await api('GET', `/sync?limit=1000${cursor ? `&after=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const body = SyncResponse.parse(response.body);
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.more) return { changes, cursor };
  }
  throw new Error('sync did not finish');
}

/** The cursor at the end of the caller's feed right now. */
export const feedEnd = async (api: Api): Promise<string> => (await changesSince(api)).cursor;

/** Cursors of several users, so a test can later check that nobody's feed grew. */
export async function feedEnds(apis: Api[]): Promise<string[]> {
  return Promise.all(apis.map(feedEnd));
}

/** Fails unless none of these users got a change since `cursors` (a refused request changed nothing). */
export async function expectNoChanges(apis: Api[], cursors: string[], why: string): Promise<void> {
  for (const [index, api] of apis.entries()) {
    const { changes } = await changesSince(api, cursors[index]);
    expect(
      changes.map((c) => c.kind),
      why,
    ).toEqual([]);
  }
}

/** Status and error code of a failed response, for one-line assertions. */
export function failure(response: ApiResponse): [number, string | undefined] {
  const body = response.body as { error?: { code?: string } } | undefined;
  return [response.status, body?.error?.code];
}

/** A patient starts a new portal thread; returns its first message. */
export async function newPortalThread(patient: Api, subject = 'Question about my visit'): Promise<Message> {
  const response = await patient('POST', '/portal/messages', {
    clientId: randomUUID(),
    subject,
    body: 'Could someone call me back, please?',
  });
  expect(response.status).toBe(201);
  return PortalSendResponse.parse(response.body).message;
}

/** A patient writes again in one of their threads. */
export async function patientFollowUp(patient: Api, inReplyTo: string): Promise<Message> {
  const response = await patient('POST', '/portal/messages', {
    clientId: randomUUID(),
    subject: 'Re: my question',
    body: 'Any news?',
    inReplyTo,
  });
  expect(response.status).toBe(201);
  return PortalSendResponse.parse(response.body).message;
}

/** A staff reply in a portal thread (to the patient), with optional extra request fields. */
export function portalReply(staff: Api, practiceId: string, inReplyTo: string, extra: Record<string, unknown> = {}) {
  return staff('POST', `/practices/${practiceId}/messages`, {
    clientId: randomUUID(),
    to: [],
    subject: 'Re: your question',
    body: 'We will call you this afternoon.',
    inReplyTo,
    ...extra,
  });
}

/** A staff-to-staff send in `practiceId`. */
export async function staffSend(
  staff: Api,
  practiceId: string,
  to: string[],
  extra: Record<string, unknown> = {},
): Promise<Message> {
  const response = await staff('POST', `/practices/${practiceId}/messages`, {
    clientId: randomUUID(),
    to,
    subject: 'Workflow test',
    body: 'Please take a look.',
    ...extra,
  });
  expect(response.status, JSON.stringify(response.body).slice(0, 200)).toBe(201);
  return SendMessageResponse.parse(response.body).message;
}

/** The portal thread `threadId` as the practice's thread list shows it to `staff`. */
export async function portalThread(staff: Api, practiceId: string, threadId: string): Promise<PortalThread> {
  const response = await staff('GET', `/practices/${practiceId}/portal/threads`);
  expect(response.status).toBe(200);
  const found = PortalThreadsResponse.parse(response.body).threads.find((t) => t.threadId === threadId);
  if (!found) throw new Error(`portal thread ${threadId} not listed`);
  return found;
}

/** A message as `staff` reads it now (message and their state). */
export async function readMessage(staff: Api, practiceId: string, messageId: string) {
  const response = await staff('GET', `/practices/${practiceId}/messages/${messageId}`);
  expect(response.status).toBe(200);
  return SendMessageResponse.parse(response.body);
}
