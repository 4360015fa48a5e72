// Snooze (API.md second wave): mailbox state gains snoozedUntil, PATCHed like the other fields
// (past or more than a year ahead -> 422). When it is due the server brings the message back:
// a `state` change with read false and snoozedUntil null in the user's feed, so every device sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateResponse, type Change } from '../../../common/http/index.js';
import type { Api } from '../../support/practice-server-client.js';
import { openLive } from '../../support/practice-server-live.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  changesSince,
  expectNoChanges,
  failure,
  feedEnd,
  feedEnds,
  readMessage,
  staffSend,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

const HOUR = 60 * 60 * 1000;
const YEAR = 365 * 24 * HOUR;

let server: TestPracticeServer;
let w: WorkflowWorld;
/** The server's clock runs this far ahead of the real one (tests move it forward). */
let clockAhead = 0;
const serverNow = (): number => Date.now() + clockAhead;

beforeAll(async () => ({ server, w } = await startWorkflowServer({ now: serverNow })));
afterAll(() => server.cleanup());

const patch = (api: Api, messageId: string, body: Record<string, unknown>) =>
  api('PATCH', `/practices/${w.sunriseId}/messages/${messageId}/state`, body);

const stateChanges = (changes: Change[], messageId: string) =>
  changes.filter((c) => c.kind === 'state' && c.state.messageId === messageId);

async function readByLee(): Promise<string> {
  const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
  expect((await patch(w.lee.api, message.id, { read: true, flagged: true })).status).toBe(200);
  return message.id;
}

describe('snooze', () => {
  it("sets and clears snoozedUntil on the caller's own state, in their feed", async () => {
    const id = await readByLee();
    const cursor = await feedEnd(w.lee.api);
    const until = new Date(serverNow() + HOUR).toISOString();
    const snoozed = await patch(w.lee.api, id, { snoozedUntil: until });
    expect(snoozed.status).toBe(200);
    expect(StateResponse.parse(snoozed.body).state).toEqual({
      messageId: id,
      read: true,
      flagged: true,
      archived: false,
      snoozedUntil: until,
    });
    expect((await readMessage(w.desk.api, w.sunriseId, id)).state.snoozedUntil ?? null).toBeNull();
    const cleared = await patch(w.lee.api, id, { snoozedUntil: null });
    expect(StateResponse.parse(cleared.body).state.snoozedUntil).toBeNull();
    const { changes } = await changesSince(w.lee.api, cursor);
    expect(stateChanges(changes, id).map((c) => c.kind === 'state' && c.state.snoozedUntil)).toEqual([until, null]);
  });

  it('refuses a time in the past, more than a year ahead, or not a time, and changes nothing', async () => {
    const id = await readByLee();
    const cursors = await feedEnds([w.lee.api, w.desk.api]);
    const refusedValues = [
      new Date(serverNow() - 60_000).toISOString(),
      new Date(serverNow() + YEAR + HOUR).toISOString(),
      'tomorrow',
      '2026-13-01T08:00:00Z',
    ];
    for (const snoozedUntil of refusedValues) {
      expect(failure(await patch(w.lee.api, id, { snoozedUntil })), snoozedUntil).toEqual([422, 'invalid_field']);
    }
    expect(failure(await patch(w.lee.api, id, { snoozedUntil: 12 }))).toEqual([400, 'malformed_request']);
    expect(
      failure(await patch(w.billing.api, id, { snoozedUntil: new Date(serverNow() + HOUR).toISOString() })),
    ).toEqual([404, 'not_found']);
    expect(failure(await patch(w.ana.api, id, { snoozedUntil: new Date(serverNow() + HOUR).toISOString() }))).toEqual([
      401,
      'invalid_token',
    ]);
    await expectNoChanges([w.lee.api, w.desk.api], cursors, 'a refused snooze changed a feed');
    expect((await readMessage(w.lee.api, w.sunriseId, id)).state).toMatchObject({ read: true, snoozedUntil: null });
    const nearlyAYear = await patch(w.lee.api, id, { snoozedUntil: new Date(serverNow() + YEAR - HOUR).toISOString() });
    expect(nearlyAYear.status).toBe(200);
  });

  it('brings a message back unread, snooze cleared, once its time has come (server clock moved on)', async () => {
    const id = await readByLee();
    const otherId = await readByLee();
    const until = new Date(serverNow() + HOUR).toISOString();
    await patch(w.lee.api, id, { snoozedUntil: until });
    await patch(w.lee.api, otherId, { snoozedUntil: new Date(serverNow() + 3 * HOUR).toISOString() });
    const cursors = await feedEnds([w.lee.api, w.desk.api]);
    await server.runMaintenance(); // not due yet: nothing happens
    await expectNoChanges([w.lee.api], [cursors[0]!], 'a snooze woke before its time');

    clockAhead += HOUR + 60_000;
    await server.runMaintenance();
    const { changes } = await changesSince(w.lee.api, cursors[0]);
    expect(changes).toEqual([
      {
        kind: 'state',
        practiceId: w.sunriseId,
        state: { messageId: id, read: false, flagged: true, archived: false, snoozedUntil: null },
      },
    ]);
    expect((await readMessage(w.lee.api, w.sunriseId, id)).state).toMatchObject({ read: false, snoozedUntil: null });
    expect((await readMessage(w.lee.api, w.sunriseId, otherId)).state.snoozedUntil).not.toBeNull();
    await expectNoChanges([w.desk.api], [cursors[1]!], "a snooze woke in someone else's feed");
    await server.runMaintenance(); // a second pass finds nothing more to do
    await expectNoChanges([w.lee.api], [(await changesSince(w.lee.api, cursors[0])).cursor], 'woke twice');
  });

  it('wakes on time by itself, without waiting for housekeeping, and hints live sockets', async () => {
    const id = await readByLee();
    const cursor = await feedEnd(w.lee.api);
    const live = await openLive(server.url);
    try {
      live.socket.send(JSON.stringify({ type: 'auth', token: w.lee.token }));
      await live.next((m) => m.type === 'ready');
      const until = new Date(serverNow() + 1_500).toISOString();
      expect((await patch(w.lee.api, id, { snoozedUntil: until })).status).toBe(200);
      await live.next((m) => m.type === 'changes'); // the snooze itself
      await live.next((m) => m.type === 'changes', 15_000); // and its waking
      expect(serverNow()).toBeGreaterThanOrEqual(Date.parse(until));
      const { changes } = await changesSince(w.lee.api, cursor);
      expect(stateChanges(changes, id).map((c) => c.kind === 'state' && c.state)).toEqual([
        { messageId: id, read: true, flagged: true, archived: false, snoozedUntil: until },
        { messageId: id, read: false, flagged: true, archived: false, snoozedUntil: null },
      ]);
    } finally {
      live.socket.close();
      await live.closed;
    }
  });
});
