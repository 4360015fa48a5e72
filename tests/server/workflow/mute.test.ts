// Mute (API.md second wave): per-user thread state, a `threadState` change in the caller's own feed,
// no email alert for a muted thread (urgent messages still alert), and alerts that hold no PHI.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadStateResponse } from '../../../common/http/index.js';
import { DEMO_STAFF } from '../../../server/demo/accounts.js';
import type { Api } from '../../support/practice-server-client.js';
import { emailQueueDrained, startSmtpSink, type SmtpSink } from '../../support/practice-server-smtp.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  changesSince,
  expectNoChanges,
  failure,
  feedEnds,
  newPortalThread,
  staffSend,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

const CANARY = 'CANARY-mute-51c2';

let sink: SmtpSink;
let server: TestPracticeServer;
let w: WorkflowWorld;

beforeAll(async () => {
  sink = await startSmtpSink();
  ({ server, w } = await startWorkflowServer({ smtpUrl: sink.url, emailRetryBaseMs: 20 }));
  const alertsOn = { settings: { portalMessagesInInbox: true, emailNotifications: true } };
  expect((await w.lee.api('PUT', `/practices/${w.sunriseId}/settings`, alertsOn)).status).toBe(200);
});
afterAll(async () => {
  await server.cleanup();
  await sink.close();
});

const mute = (api: Api, threadId: string, body: unknown, practiceId = w.sunriseId) =>
  api('PATCH', `/practices/${practiceId}/threads/${threadId}/state`, body);

/** Waits (with a deadline) until the server's email queue is empty, then returns who got mail. */
async function mailedSince(count: number): Promise<string[][]> {
  await emailQueueDrained(server);
  return sink.received.slice(count).map((email) => email.to);
}

const replyInThread = (from: Api, to: string, inReplyTo: string, priority?: 'urgent') =>
  staffSend(from, w.sunriseId, [to], {
    inReplyTo,
    subject: `Re: ${CANARY}`,
    body: `Body ${CANARY}`,
    ...(priority ? { priority } : {}),
  });

describe('mute', () => {
  it("sets the caller's own thread state and tells their devices only", async () => {
    const first = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const cursors = await feedEnds([w.lee.api, w.desk.api]);
    const muted = await mute(w.lee.api, first.threadId, { muted: true });
    expect(muted.status).toBe(200);
    expect(ThreadStateResponse.parse(muted.body)).toEqual({ threadState: { threadId: first.threadId, muted: true } });
    const lee = await changesSince(w.lee.api, cursors[0]);
    expect(lee.changes).toEqual([
      { kind: 'threadState', practiceId: w.sunriseId, threadState: { threadId: first.threadId, muted: true } },
    ]);
    await expectNoChanges([w.desk.api], [cursors[1]!], "muting changed someone else's feed");
    const unmuted = await mute(w.lee.api, first.threadId, { muted: false });
    expect(ThreadStateResponse.parse(unmuted.body).threadState.muted).toBe(false);
  });

  it('sends no email for a muted thread, but still for an urgent message in it and for other threads', async () => {
    const thread = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], { subject: CANARY });
    const before = sink.received.length;
    await mailedSince(before);
    const start = sink.received.length;
    expect((await mute(w.lee.api, thread.threadId, { muted: true })).status).toBe(200);
    await replyInThread(w.desk.api, w.lee.login.user.id, thread.id);
    expect(await mailedSince(start)).toEqual([]);
    await replyInThread(w.desk.api, w.lee.login.user.id, thread.id, 'urgent');
    await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], { subject: `Other ${CANARY}` });
    expect(await mailedSince(start)).toEqual([[DEMO_STAFF.drLee], [DEMO_STAFF.drLee]]);
    for (const email of sink.received.slice(start)) expect(email.raw).not.toContain(CANARY);

    await mute(w.lee.api, thread.threadId, { muted: false });
    const unmutedStart = sink.received.length;
    await replyInThread(w.desk.api, w.lee.login.user.id, thread.id);
    expect(await mailedSince(unmutedStart)).toEqual([[DEMO_STAFF.drLee]]);
  });

  it("mutes a portal thread too: no alert for the patient's next message", async () => {
    const question = await newPortalThread(w.ana.api, CANARY);
    await mailedSince(0);
    const start = sink.received.length;
    expect((await mute(w.lee.api, question.threadId, { muted: true })).status).toBe(200);
    const followUp = await w.ana.api('POST', '/portal/messages', {
      clientId: randomUUID(),
      subject: `Re: ${CANARY}`,
      body: 'Still waiting',
      inReplyTo: question.id,
    });
    expect(followUp.status).toBe(201);
    expect(await mailedSince(start)).toEqual([]);
  });

  it('refuses unknown or unseen threads (404), the wrong shape (400) and patient tokens (401), changing nothing', async () => {
    const hidden = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const cursors = await feedEnds([w.billing.api, w.lee.api]);
    expect(failure(await mute(w.billing.api, 'no-such-thread', { muted: true }))).toEqual([404, 'not_found']);
    expect(failure(await mute(w.billing.api, hidden.threadId, { muted: true }))).toEqual([404, 'not_found']);
    expect(failure(await mute(w.lee.api, hidden.threadId, { muted: true }, w.lakesideId))).toEqual([404, 'not_found']);
    expect(failure(await mute(w.lee.api, hidden.threadId, { muted: 'yes' }))).toEqual([400, 'malformed_request']);
    expect(failure(await mute(w.lee.api, hidden.threadId, {}))).toEqual([400, 'malformed_request']);
    expect(failure(await mute(w.lee.api, hidden.threadId, { muted: true, extra: 1 }))).toEqual([
      400,
      'malformed_request',
    ]);
    expect(failure(await mute(w.ana.api, hidden.threadId, { muted: true }))).toEqual([401, 'invalid_token']);
    await expectNoChanges([w.billing.api, w.lee.api], cursors, 'a refused mute changed a feed');
  });
});
