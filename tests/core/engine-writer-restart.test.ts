// The engine when its cache writer thread dies, against the real practice server: the thread is restarted
// and a queued send is delivered exactly once (whether the thread died while the send waited offline or
// just after the server took it), sync resumes, and a thread that keeps dying ends the session with a
// clear status while the outbox stays on disk, to be delivered after signing in again.
import axios, { type AxiosAdapter } from 'axios';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransportFactory } from '../../main/core/network/server-transport.js';
import {
  apiLogin,
  makeEngine,
  signInDeskWithLee,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';
import { serverView } from './support/server-feed.js';
import { catchWriterThreads } from './support/writer-threads.js';

let server: EngineTestServer;
const threads = catchWriterThreads();
beforeAll(async () => {
  server = await startEngineTestServer();
});
afterAll(async () => {
  threads.release();
  await server?.cleanup();
});

/** Node's HTTP path, except that it can end the writer thread as the server's answer to a send arrives. */
function killingTransport(): { transport: TransportFactory; killOnNextSend(): void } {
  const http = axios.getAdapter('http') as AxiosAdapter;
  let armed = false;
  const adapter: AxiosAdapter = async (config) => {
    const response = await http(config);
    if (armed && config.method === 'post' && /\/messages$/.test(config.url ?? '') && response.status < 300) {
      armed = false;
      void threads.kill(); // not awaited: the engine goes on to commit the send into a thread that is dying
    }
    return response;
  };
  return {
    transport: () => ({ http: { adapter }, liveSocketOptions: async () => ({}) }),
    killOnNextSend: () => (armed = true),
  };
}

async function copiesOnServer(subject: string): Promise<number> {
  const view = await serverView(server.url, 'dr.lee@sunrise.example');
  return [...view.messages.values()].filter((m) => m.subject === subject).length;
}

const outbox = async (t: TestEngine) => (await t.engine.handlers.getOutbox({})).items;
const delivery = async (t: TestEngine, practiceId: string, subject: string) =>
  (await t.engine.handlers.listMessages({ practiceId, folder: 'sent', limit: 200 })).rows
    .filter((r) => r.subject === subject)
    .map((r) => r.delivery);

describe('a writer thread that dies once', () => {
  const net = killingTransport();
  let t: TestEngine;
  let sunrise: string;
  let leeId: string;
  beforeAll(async () => {
    t = makeEngine({ options: { transport: net.transport } });
    ({ sunrise, leeId } = await signInDeskWithLee(t, server.url));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is restarted with the outbox intact: a send queued offline goes exactly once, and sync resumes', async () => {
    await server.stop();
    const subject = `Queued before the writer died ${randomUUID()}`;
    await t.engine.handlers.sendMessage({ practiceId: sunrise, to: [leeId], subject, body: 'x' });
    const before = threads.started.length;
    await threads.kill();
    // A user action right after the crash waits for the restarted thread instead of failing.
    const flagged = (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows[0];
    await t.engine.handlers.setMessageState({ messageId: flagged?.id ?? '', patch: { flagged: true } });
    expect(threads.started.length).toBe(before + 1);
    expect((await outbox(t)).map((i) => [i.kind, i.status])).toEqual([
      ['send', 'pending'],
      ['state', 'pending'],
    ]);

    await server.restart();
    t.engine.reconnectNow();
    await waitFor('outbox drained', async () => (await outbox(t)).length === 0, 20_000);
    expect(await copiesOnServer(subject)).toBe(1);
    await waitFor('echo synced', async () => (await delivery(t, sunrise, subject))[0] === 'delivered');

    // Sync still runs on the restarted thread: a message Dr. Lee sends now reaches the cache.
    const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
    const fromLee = `After the restart ${randomUUID()}`;
    const me = (await t.engine.handlers.getSession({})).user?.id ?? '';
    await lee.call('POST', `/practices/${sunrise}/messages`, {
      clientId: randomUUID(),
      to: [me],
      subject: fromLee,
      body: 'y',
    });
    await waitFor('synced', async () =>
      (await t.engine.handlers.listMessages({ practiceId: sunrise, folder: 'inbox' })).rows.some(
        (r) => r.subject === fromLee,
      ),
    );
  });

  it('delivers exactly once when it dies just after the server took the send, without marking it failed', async () => {
    const subject = `Taken as the writer died ${randomUUID()}`;
    const eventsBefore = t.events.length;
    net.killOnNextSend();
    await t.engine.handlers.sendMessage({ practiceId: sunrise, to: [leeId], subject, body: 'x' });
    await waitFor('outbox drained', async () => (await outbox(t)).length === 0, 20_000);
    expect(await delivery(t, sunrise, subject)).toEqual(['delivered']);
    expect(await copiesOnServer(subject)).toBe(1);
    // The flusher did meet the interruption (its commit was refused), and sent again rather than give up.
    const errors = t.events.slice(eventsBefore).map((e) => (e.event === 'syncStatus' ? e.payload : null));
    expect(errors.some((s) => (s as { lastError?: string } | null)?.lastError?.includes('restarted before'))).toBe(
      true,
    );
  });
});

describe('a writer thread that keeps dying', () => {
  it('ends the session with a clear status; the queued send is kept and goes once after signing in again', async () => {
    const t = makeEngine();
    try {
      const { sunrise, leeId } = await signInDeskWithLee(t, server.url);
      await server.stop();
      const subject = `Queued before the cache broke ${randomUUID()}`;
      await t.engine.handlers.sendMessage({ practiceId: sunrise, to: [leeId], subject, body: 'x' });
      for (let death = 1; death <= 4; death++) {
        const started = threads.started.length;
        await threads.kill();
        if (death < 4) await waitFor('restart', () => threads.started.length > started);
      }
      await waitFor('signed out', () => t.last('syncStatus')?.state === 'signedOut');
      expect(t.last('syncStatus')?.lastError).toMatch(/local message cache stopped working.*Sign in again/);
      await expect(t.engine.handlers.getOutbox({})).rejects.toMatchObject({ code: 'not_signed_in' });

      await server.restart();
      await signInDeskWithLee(t, server.url);
      await waitFor('outbox drained', async () => (await outbox(t)).length === 0, 20_000);
      expect(await delivery(t, sunrise, subject)).toEqual(['delivered']);
      expect(await copiesOnServer(subject)).toBe(1);
    } finally {
      await t.stop();
    }
  });
});
