// The Patient Portal as a shared queue (API.md second wave): thread objects, filters oldest waiting
// first, claim / assign / release / close with 409 already_claimed naming the owner, takeOver, a
// staff reply claiming an unowned thread, a patient message reopening a closed one, staff replies
// seen by every staff member, and `portalThread` changes to all staff of the practice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalMessagesResponse, PortalThreadResponse, PortalThreadsResponse } from '../../../common/http/index.js';
import type { Api } from '../../support/practice-server-client.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  changesSince,
  expectNoChanges,
  failure,
  feedEnd,
  feedEnds,
  newPortalThread,
  patientFollowUp,
  portalReply,
  portalThread,
  readMessage,
  staffSend,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

let server: TestPracticeServer;
let w: WorkflowWorld;
let sunriseStaff: Api[];

beforeAll(async () => {
  ({ server, w } = await startWorkflowServer());
  sunriseStaff = [w.desk.api, w.lee.api, w.billing.api, w.admin.api];
});
afterAll(() => server.cleanup());

const act = (api: Api, threadId: string, action: 'claim' | 'assign' | 'release' | 'close', body?: unknown) =>
  api('POST', `/practices/${w.sunriseId}/portal/threads/${threadId}/${action}`, body);

const list = async (api: Api, filter?: string): Promise<string[]> => {
  const response = await api('GET', `/practices/${w.sunriseId}/portal/threads${filter ? `?filter=${filter}` : ''}`);
  expect(response.status).toBe(200);
  return PortalThreadsResponse.parse(response.body).threads.map((t) => t.threadId);
};

describe('portal threads', () => {
  it("starts a thread for a patient's first message: open, unowned, waiting since it was sent", async () => {
    const question = await newPortalThread(w.ana.api, 'Refill question');
    const thread = await portalThread(w.desk.api, w.sunriseId, question.threadId);
    expect(thread).toEqual({
      threadId: question.threadId,
      practiceId: w.sunriseId,
      patient: { id: w.ana.login.patient.id, name: 'Ana Ruiz' },
      subject: 'Refill question',
      status: 'open',
      owner: null,
      lastMessageAt: question.sentAt,
      waitingSince: question.sentAt,
    });
    expect(await list(w.lee.api, 'unassigned')).toContain(question.threadId);
  });

  it('sends a portalThread change to every staff member of the practice and no one else', async () => {
    const cursors = await feedEnds([...sunriseStaff, w.nurse.api]);
    const question = await newPortalThread(w.ana.api);
    for (const [index, api] of sunriseStaff.entries()) {
      const { changes } = await changesSince(api, cursors[index]);
      const threads = changes.filter((c) => c.kind === 'portalThread' && c.thread.threadId === question.threadId);
      expect(threads).toHaveLength(1);
      expect(threads[0]).toEqual({
        kind: 'portalThread',
        practiceId: w.sunriseId,
        thread: await portalThread(api, w.sunriseId, question.threadId),
      });
    }
    const nurse = await changesSince(w.nurse.api, cursors[4]);
    expect(nurse.changes.filter((c) => c.kind === 'portalThread')).toEqual([]);
  });

  it('lists oldest waiting first, and threads staff answered last after those still waiting', async () => {
    const older = await newPortalThread(w.ana.api, 'Older');
    const newer = await newPortalThread(w.ana.api, 'Newer');
    let open = await list(w.desk.api, 'open');
    expect(open.indexOf(older.threadId)).toBeLessThan(open.indexOf(newer.threadId));
    expect((await portalReply(w.desk.api, w.sunriseId, older.id)).status).toBe(201);
    expect((await portalThread(w.desk.api, w.sunriseId, older.threadId)).waitingSince).toBeNull();
    open = await list(w.desk.api, 'open');
    expect(open.indexOf(newer.threadId)).toBeLessThan(open.indexOf(older.threadId));
    const waiting = PortalThreadsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/portal/threads?filter=open`)).body,
    ).threads.filter((t) => t.waitingSince !== null);
    const times = waiting.map((t) => Date.parse(t.waitingSince!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("keeps waitingSince at the patient's oldest unanswered message", async () => {
    const question = await newPortalThread(w.ana.api);
    await patientFollowUp(w.ana.api, question.id);
    const thread = await portalThread(w.lee.api, w.sunriseId, question.threadId);
    expect(thread.waitingSince).toBe(question.sentAt);
    expect(Date.parse(thread.lastMessageAt)).toBeGreaterThanOrEqual(Date.parse(question.sentAt));
  });
});

describe('claim, assign, release, close', () => {
  it('claims for the caller; someone else gets 409 naming the owner; takeOver takes it', async () => {
    const question = await newPortalThread(w.ana.api);
    const claimed = await act(w.desk.api, question.threadId, 'claim');
    expect(claimed.status).toBe(200);
    expect(PortalThreadResponse.parse(claimed.body).thread.owner).toEqual({
      id: w.desk.login.user.id,
      name: 'Frances Delgado',
    });
    expect((await act(w.desk.api, question.threadId, 'claim')).status).toBe(200); // already mine: fine

    const cursors = await feedEnds(sunriseStaff);
    const refused = await act(w.lee.api, question.threadId, 'claim');
    expect(failure(refused)).toEqual([409, 'already_claimed']);
    expect((refused.body as { error: { message: string } }).error.message).toContain('Frances Delgado');
    await expectNoChanges(sunriseStaff, cursors, 'a refused claim changed a feed');
    expect((await portalThread(w.lee.api, w.sunriseId, question.threadId)).owner?.id).toBe(w.desk.login.user.id);

    const taken = await act(w.lee.api, question.threadId, 'claim', { takeOver: true });
    expect(taken.status).toBe(200);
    expect(PortalThreadResponse.parse(taken.body).thread.owner?.id).toBe(w.lee.login.user.id);
    expect(await list(w.lee.api, 'mine')).toContain(question.threadId);
    expect(await list(w.desk.api, 'mine')).not.toContain(question.threadId);
    expect(await list(w.desk.api, 'unassigned')).not.toContain(question.threadId);
  });

  it('gives a thread to exactly one of two people claiming it at the same moment', async () => {
    const question = await newPortalThread(w.ana.api);
    const [desk, lee] = await Promise.all([
      act(w.desk.api, question.threadId, 'claim'),
      act(w.lee.api, question.threadId, 'claim'),
    ]);
    expect([desk.status, lee.status].sort()).toEqual([200, 409]);
    const winner = desk.status === 200 ? w.desk.login.user.id : w.lee.login.user.id;
    expect((await portalThread(w.billing.api, w.sunriseId, question.threadId)).owner?.id).toBe(winner);
  });

  it('assigns to a staff member of the practice, and refuses anyone else with 422', async () => {
    const question = await newPortalThread(w.ana.api);
    const assigned = await act(w.desk.api, question.threadId, 'assign', { userId: w.billing.login.user.id });
    expect(assigned.status).toBe(200);
    expect(PortalThreadResponse.parse(assigned.body).thread.owner).toEqual({
      id: w.billing.login.user.id,
      name: 'Priya Shah',
    });
    const cursors = await feedEnds(sunriseStaff);
    for (const userId of [w.nurse.login.user.id, 'no-such-user', w.ana.login.patient.id]) {
      const refused = await act(w.desk.api, question.threadId, 'assign', { userId });
      expect(failure(refused), userId).toEqual([422, 'unknown_recipient']);
    }
    expect(failure(await act(w.desk.api, question.threadId, 'assign', {}))).toEqual([400, 'malformed_request']);
    expect(failure(await act(w.desk.api, question.threadId, 'assign', { userId: 7 }))).toEqual([
      400,
      'malformed_request',
    ]);
    await expectNoChanges(sunriseStaff, cursors, 'a refused assign changed a feed');
    expect((await portalThread(w.desk.api, w.sunriseId, question.threadId)).owner?.id).toBe(w.billing.login.user.id);
  });

  it('releases to nobody, closes, and a new patient message reopens it keeping its owner', async () => {
    const question = await newPortalThread(w.ana.api);
    await act(w.lee.api, question.threadId, 'claim');
    const released = await act(w.lee.api, question.threadId, 'release');
    expect(released.status).toBe(200);
    expect(PortalThreadResponse.parse(released.body).thread.owner).toBeNull();
    expect(await list(w.desk.api, 'unassigned')).toContain(question.threadId);

    await act(w.lee.api, question.threadId, 'claim');
    const closed = await act(w.lee.api, question.threadId, 'close');
    expect(closed.status).toBe(200);
    expect(PortalThreadResponse.parse(closed.body).thread.status).toBe('closed');
    expect(await list(w.desk.api, 'closed')).toContain(question.threadId);
    expect(await list(w.desk.api, 'open')).not.toContain(question.threadId);
    expect(await list(w.lee.api, 'mine')).not.toContain(question.threadId);

    const cursor = await feedEnd(w.desk.api);
    await patientFollowUp(w.ana.api, question.id);
    const reopened = await portalThread(w.desk.api, w.sunriseId, question.threadId);
    // Closed without an answer: the first question is still the oldest one waiting.
    expect(reopened).toMatchObject({
      status: 'open',
      owner: { id: w.lee.login.user.id },
      waitingSince: question.sentAt,
    });
    const { changes } = await changesSince(w.desk.api, cursor);
    expect(changes.some((c) => c.kind === 'portalThread' && c.thread.status === 'open')).toBe(true);
    expect(await list(w.lee.api, 'mine')).toContain(question.threadId);
  });

  it("answers 404 for an unknown thread, a staff thread, another practice's thread, and non-members", async () => {
    const staffThread = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const bensThread = await newPortalThread(w.ben.api);
    for (const action of ['claim', 'release', 'close'] as const) {
      for (const threadId of ['no-such-thread', staffThread.threadId, bensThread.threadId]) {
        expect(failure(await act(w.desk.api, threadId, action)), `${action} ${threadId}`).toEqual([404, 'not_found']);
      }
    }
    expect(failure(await act(w.desk.api, 'no-such-thread', 'assign', { userId: w.lee.login.user.id }))).toEqual([
      404,
      'not_found',
    ]);
    const anas = await newPortalThread(w.ana.api);
    const afterAna = await feedEnds(sunriseStaff);
    expect(failure(await act(w.nurse.api, anas.threadId, 'claim'))).toEqual([404, 'not_found']);
    expect(failure(await w.nurse.api('GET', `/practices/${w.sunriseId}/portal/threads`))).toEqual([404, 'not_found']);
    expect(failure(await act(w.ana.api, anas.threadId, 'claim'))).toEqual([401, 'invalid_token']);
    expect(failure(await w.ana.api('GET', `/practices/${w.sunriseId}/portal/threads`))).toEqual([401, 'invalid_token']);
    expect(failure(await w.anonymous('GET', `/practices/${w.sunriseId}/portal/threads`))).toEqual([
      401,
      'missing_token',
    ]);
    await expectNoChanges(sunriseStaff, afterAna, 'a refused thread action changed a feed');
    expect((await portalThread(w.desk.api, w.sunriseId, anas.threadId)).owner).toBeNull();
  });

  it('refuses an unknown filter with 422 and an unknown field with 400', async () => {
    const bad = await w.desk.api('GET', `/practices/${w.sunriseId}/portal/threads?filter=everything`);
    expect(failure(bad)).toEqual([422, 'invalid_field']);
    const question = await newPortalThread(w.ana.api);
    expect(failure(await act(w.desk.api, question.threadId, 'claim', { takeover: true }))).toEqual([
      400,
      'malformed_request',
    ]);
  });
});

describe('replies in portal threads', () => {
  it('claims an unowned thread for the replier and clears waitingSince', async () => {
    const question = await newPortalThread(w.ana.api);
    expect((await portalReply(w.lee.api, w.sunriseId, question.id)).status).toBe(201);
    const thread = await portalThread(w.desk.api, w.sunriseId, question.threadId);
    expect(thread.owner).toEqual({ id: w.lee.login.user.id, name: 'Dr. Daniel Lee' });
    expect(thread.waitingSince).toBeNull();
  });

  it("refuses a reply in someone else's thread with 409 (nothing sent) unless it takes over", async () => {
    const question = await newPortalThread(w.ana.api);
    await act(w.lee.api, question.threadId, 'claim');
    const cursors = await feedEnds(sunriseStaff);
    const before = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages.length;
    const refused = await portalReply(w.desk.api, w.sunriseId, question.id);
    expect(failure(refused)).toEqual([409, 'already_claimed']);
    expect((refused.body as { error: { message: string } }).error.message).toContain('Dr. Daniel Lee');
    await expectNoChanges(sunriseStaff, cursors, 'a refused reply changed a feed');
    const after = PortalMessagesResponse.parse((await w.ana.api('GET', '/portal/messages')).body).messages.length;
    expect(after).toBe(before);

    const taken = await portalReply(w.desk.api, w.sunriseId, question.id, { takeOver: true });
    expect(taken.status).toBe(201);
    expect((await portalThread(w.lee.api, w.sunriseId, question.threadId)).owner?.id).toBe(w.desk.login.user.id);
  });

  it('shows every staff member of the practice the staff replies, already read for those who did not write them', async () => {
    const question = await newPortalThread(w.ana.api);
    const reply = await portalReply(w.lee.api, w.sunriseId, question.id);
    const replyId = (reply.body as { message: { id: string } }).message.id;
    for (const api of [w.desk.api, w.billing.api, w.admin.api]) {
      const seen = await readMessage(api, w.sunriseId, replyId);
      expect(seen.message.sender.id).toBe(w.lee.login.user.id);
      expect(seen.state.read).toBe(true);
    }
    const { changes } = await changesSince(w.desk.api);
    expect(changes.some((c) => c.kind === 'message' && c.message.id === replyId)).toBe(true);
    expect(failure(await w.nurse.api('GET', `/practices/${w.sunriseId}/messages/${replyId}`))).toEqual([
      404,
      'not_found',
    ]);
  });
});
