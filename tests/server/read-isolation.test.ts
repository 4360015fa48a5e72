// Reads see committed data only: while a send's transaction is held open (commitDelayMs), /sync and
// message reads must not show it; once the send is answered 201, they do.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendMessageResponse, SyncResponse } from '../../common/http/index.js';
import type { Api, ApiResponse } from '../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const HOLD_MS = 1500;

let server: TestPracticeServer;
let w: DemoWorld;
/** True while a write transaction is open, uncommitted (SQLite: the write lock; PostgreSQL: a session idle in one). */
let writeTransactionOpen: () => Promise<boolean>;
let closeProbe: () => Promise<void>;

beforeAll(async () => {
  server = await startTestServer({ commitDelayMs: HOLD_MS });
  w = await signInDemo(server.url);
  if (server.databaseUrl) {
    const probe = new pg.Client(server.databaseUrl);
    await probe.connect();
    writeTransactionOpen = async () => {
      const { rows } = await probe.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'",
      );
      return (rows[0]?.n ?? 0) > 0;
    };
    closeProbe = () => probe.end();
  } else {
    const probe = new Sqlite(join(server.dataDir, 'practice.sqlite'));
    probe.pragma('busy_timeout = 0');
    writeTransactionOpen = () => {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return Promise.resolve(false);
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return Promise.resolve(true);
        throw error;
      }
    };
    closeProbe = async () => void probe.close();
  }
});
afterAll(async () => {
  await closeProbe();
  await server.cleanup();
});

async function subjectsAfter(api: Api, cursor: string): Promise<string[]> {
  const response = await api('GET', `/sync?after=${cursor}`);
  expect(response.status).toBe(200);
  const page = SyncResponse.parse(response.body);
  return page.changes.flatMap((c) => (c.kind === 'message' ? [c.message.subject] : []));
}

describe('read isolation', () => {
  it('a sync during an open group commit does not see the uncommitted message', async () => {
    const start = SyncResponse.parse((await w.lee.api('GET', '/sync?limit=1000')).body);
    expect(start.more).toBe(false);
    const deskStart = SyncResponse.parse((await w.desk.api('GET', '/sync?limit=1000')).body);
    let answered = false;
    const sending = w.desk
      .api('POST', `/practices/${w.sunriseId}/messages`, {
        clientId: randomUUID(),
        to: [w.lee.login.user.id],
        subject: 'Held in an open transaction',
        body: 'Not committed yet.',
      })
      .then((response: ApiResponse) => ((answered = true), response));

    // The send has run in the writer's open transaction once the write lock is taken.
    const deadline = Date.now() + HOLD_MS;
    while (!(await writeTransactionOpen())) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const lee = await subjectsAfter(w.lee.api, start.cursor);
    const desk = await subjectsAfter(w.desk.api, deskStart.cursor);
    // Still uncommitted when those reads were answered: they ran during the open transaction.
    expect(await writeTransactionOpen()).toBe(true);
    expect(answered).toBe(false);
    expect(lee).toEqual([]);
    expect(desk).toEqual([]);

    const sent = await sending;
    expect(sent.status).toBe(201);
    const { message } = SendMessageResponse.parse(sent.body);
    expect(await subjectsAfter(w.lee.api, start.cursor)).toEqual(['Held in an open transaction']);
    const read = await w.lee.api('GET', `/practices/${w.sunriseId}/messages/${message.id}`);
    expect(read.status).toBe(200);
  });
});
