// A live socket lives only as long as its session: signing out (DELETE /session) closes it with 4401
// at once, and so does the session's idle expiry (seen at the next ping). Other sockets stay open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_BAD_TOKEN_CLOSE_CODE } from '../../common/http/index.js';
import { DEMO_STAFF } from '../../server/demo/accounts.js';
import { apiClient, waitFor } from '../support/practice-server-client.js';
import { openLive, type LiveConnection } from '../support/practice-server-live.js';
import { signInStaff } from '../support/practice-server-session.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const IDLE_MS = 60_000;
let clock = Date.now();
let server: TestPracticeServer;

beforeAll(async () => {
  // A ping every 250 ms: often enough for the expiry test, slow enough that a loaded machine answers
  // each ping before the next (a peer that misses one is dropped, with 1006 instead of 4401).
  server = await startTestServer({ now: () => clock, tokenIdleMs: IDLE_MS, livePingMs: 250 });
});
afterAll(() => server.cleanup());

async function signedInLive(email: string): Promise<{ live: LiveConnection; token: string }> {
  const { token } = await signInStaff(server.url, email);
  const live = await openLive(server.url);
  live.socket.send(JSON.stringify({ type: 'auth', token }));
  await live.next((m) => m.type === 'ready');
  return { live, token };
}

/** The close code, or a rejection when the socket is still open after `deadlineMs`. */
const closeCode = (live: LiveConnection, deadlineMs = 5_000): Promise<number> =>
  Promise.race([
    live.closed.then((c) => c.code),
    new Promise<number>((_, reject) =>
      setTimeout(() => reject(new Error('socket still open after the deadline')), deadlineMs).unref(),
    ),
  ]);

const stillOpen = (live: LiveConnection): boolean => live.socket.readyState === live.socket.OPEN;

describe('live socket and the end of its session', () => {
  it('closes with 4401 when its session signs out, and leaves other sessions open', async () => {
    const leaving = await signedInLive(DEMO_STAFF.frontdesk);
    const staying = await signedInLive(DEMO_STAFF.frontdesk);
    expect((await apiClient(server.url, leaving.token)('DELETE', '/session')).status).toBe(204);
    expect(await closeCode(leaving.live)).toBe(LIVE_BAD_TOKEN_CLOSE_CODE);
    expect(stillOpen(staying.live)).toBe(true);
    staying.live.socket.close();
  });

  it('closes with 4401 once its session has been idle past the limit', async () => {
    const idle = await signedInLive(DEMO_STAFF.drLee);
    await waitFor(() => server.liveSocketCount() === 1, 5_000);
    clock += IDLE_MS + 1;
    expect(await closeCode(idle.live)).toBe(LIVE_BAD_TOKEN_CLOSE_CODE);
    // The token is expired for HTTP too: the socket and the API agree.
    expect((await apiClient(server.url, idle.token)('GET', '/sync?limit=1')).status).toBe(401);
  });
});
