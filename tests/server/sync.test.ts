// The change feed: initial directory and settings, paging, repeatability, resuming from any
// cursor, state and settings changes; and the live socket (ready, changes hint, 4401).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_BAD_TOKEN_CLOSE_CODE, SendMessageResponse, SyncResponse, type Change } from '../../common/http/index.js';
import { errorCode, type Api } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { openLive } from '../support/practice-server-live.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

async function syncAll(api: Api, limit: number, after?: string): Promise<{ changes: Change[]; cursors: string[] }> {
  const changes: Change[] = [];
  const cursors: string[] = [];
  let cursor = after;
  for (let page = 0; page < 1000; page += 1) {
    const response = await api('GET', `/sync?limit=${limit}${cursor ? `&after=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    const body = SyncResponse.parse(response.body);
    changes.push(...body.changes);
    cursors.push(body.cursor);
    cursor = body.cursor;
    if (!body.more) return { changes, cursors };
  }
  throw new Error('sync did not finish');
}

const sendToLee = (subject: string) =>
  w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
    clientId: randomUUID(),
    to: [w.lee.login.user.id],
    subject,
    body: 'b',
  });

describe('sync', () => {
  it("starts with the directory and settings, then the demo messages with the caller's state", async () => {
    const { changes } = await syncAll(w.desk.api, 500);
    expect(changes[0]?.kind).toBe('user');
    const users = changes.filter((c) => c.kind === 'user');
    expect(users.map((c) => (c.kind === 'user' ? c.user.name : '')).sort()).toEqual([
      'Alex Morgan',
      'Dr. Daniel Lee',
      'Frances Delgado',
      'Priya Shah',
    ]);
    expect(changes.some((c) => c.kind === 'settings')).toBe(true);
    const messages = changes.filter((c) => c.kind === 'message');
    expect(messages.length).toBeGreaterThanOrEqual(8);
    expect(messages.some((c) => c.kind === 'message' && !c.state.read)).toBe(true);
    expect(messages.some((c) => c.kind === 'message' && c.message.source === 'portal')).toBe(true);
  });

  it('pages with any limit to the same feed, repeatably, and resumes from every cursor', async () => {
    const whole = await syncAll(w.lee.api, 1000);
    const paged = await syncAll(w.lee.api, 3);
    expect(paged.changes).toEqual(whole.changes);
    const again = await syncAll(w.lee.api, 3);
    expect(again.cursors).toEqual(paged.cursors);
    let seen = 0;
    for (const cursor of paged.cursors.slice(0, -1)) {
      seen += Math.min(3, whole.changes.length - seen);
      const rest = await syncAll(w.lee.api, 7, cursor);
      expect(rest.changes).toEqual(whole.changes.slice(seen));
    }
    const end = await w.lee.api('GET', `/sync?after=${whole.cursors.at(-1)}`);
    expect(SyncResponse.parse(end.body)).toEqual({ changes: [], cursor: whole.cursors.at(-1), more: false });
  });

  it('adds message, state and settings changes after the cursor', async () => {
    const { cursors } = await syncAll(w.lee.api, 1000);
    const start = cursors.at(-1);
    const { message } = SendMessageResponse.parse((await sendToLee('New')).body);
    await w.lee.api('PATCH', `/practices/${w.sunriseId}/messages/${message.id}/state`, { flagged: true });
    await w.lee.api('PUT', `/practices/${w.sunriseId}/settings`, {
      settings: { portalMessagesInInbox: false, emailNotifications: true },
    });
    const { changes } = await syncAll(w.lee.api, 1000, start);
    expect(changes.map((c) => c.kind)).toEqual(['message', 'state', 'settings']);
    expect(changes[1]).toEqual({
      kind: 'state',
      practiceId: w.sunriseId,
      state: { messageId: message.id, read: false, flagged: true, archived: false, snoozedUntil: null },
    });
    expect(changes[2]).toEqual({
      kind: 'settings',
      practiceId: w.sunriseId,
      settings: { portalMessagesInInbox: false, emailNotifications: true },
    });
    const settings = await w.lee.api('GET', `/practices/${w.sunriseId}/settings`);
    expect(settings.body).toEqual({ settings: { portalMessagesInInbox: false, emailNotifications: true } });
  });

  it('refuses a cursor it never gave out, or one past its newest change (400) and a limit out of range (422)', async () => {
    const bad = await w.lee.api('GET', '/sync?after=garbage');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'invalid_cursor']);
    const fromElsewhere = await w.lee.api('GET', `/sync?after=c${(10 ** 9).toString(36)}`);
    expect([fromElsewhere.status, errorCode(fromElsewhere)]).toEqual([400, 'invalid_cursor']);
    const tooMany = await w.lee.api('GET', '/sync?limit=1001');
    expect([tooMany.status, errorCode(tooMany)]).toEqual([422, 'invalid_field']);
    const notNumber = await w.lee.api('GET', '/sync?limit=abc');
    expect(notNumber.status).toBe(400);
  });
});

describe('live socket', () => {
  it('says ready after auth, then hints with the new cursor after a send', async () => {
    const live = await openLive(server.url);
    live.socket.send(JSON.stringify({ type: 'auth', token: w.lee.token }));
    await live.next((m) => m.type === 'ready');
    const { cursors } = await syncAll(w.lee.api, 1000);
    await sendToLee('Live');
    const hint = await live.next((m) => m.type === 'changes');
    const { changes } = await syncAll(w.lee.api, 1000, cursors.at(-1));
    expect(changes.map((c) => (c.kind === 'message' ? c.message.subject : c.kind))).toEqual(['Live']);
    expect(hint).toEqual({ type: 'changes', cursor: (await syncAll(w.lee.api, 1000)).cursors.at(-1) });
    live.socket.close();
    await live.closed;
  });

  it('answers a plain GET (no upgrade) with the error shape', async () => {
    const plain = await w.lee.api('GET', '/live');
    expect([plain.status, errorCode(plain)]).toEqual([400, 'websocket_required']);
  });

  it('closes with 4401 for a bad token, a patient token or a first message that is not auth', async () => {
    for (const first of [
      { type: 'auth', token: 'nope' },
      { type: 'auth', token: w.ana.token },
      { type: 'hello' },
      'not json',
    ]) {
      const live = await openLive(server.url);
      live.socket.send(typeof first === 'string' ? first : JSON.stringify(first));
      expect((await live.closed).code).toBe(LIVE_BAD_TOKEN_CLOSE_CODE);
    }
  });
});
