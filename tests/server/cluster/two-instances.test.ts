// Two server instances on one PostgreSQL database and one shared attachments folder: a send through
// A reaches a live socket on B and B's /sync; an upload through A downloads through B; two instances
// starting together on an empty database seed it once; and under concurrent writers on both, a
// reader pulling in a tight loop sees every change exactly once, in each writer's order.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncResponse, UploadResponse } from '../../../common/http/index.js';
import { apiClient, type Api } from '../../support/practice-server-client.js';
import { signInDemo, type DemoWorld } from '../../support/practice-server-demo.js';
import { openLive } from '../../support/practice-server-live.js';
import { freshDatabaseUrl } from '../../support/practice-server-postgres.js';
import { uploadStream } from '../../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../../support/practice-server.js';

let shared: string;
let a: TestPracticeServer;
let b: TestPracticeServer;
let onA: DemoWorld;
let onB: DemoWorld;

beforeAll(async () => {
  shared = mkdtempSync(join(tmpdir(), 'practice-shared-blobs-'));
  const databaseUrl = await freshDatabaseUrl();
  const attachmentsUrl = pathToFileURL(shared).href;
  a = await startTestServer({ databaseUrl, attachmentsUrl });
  b = await startTestServer({ databaseUrl, attachmentsUrl });
  [onA, onB] = await Promise.all([signInDemo(a.url), signInDemo(b.url)]);
});
afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
  rmSync(shared, { recursive: true, force: true });
});

/** Every message change in `staff`'s feed after `cursor`, following `more`. */
async function messagesAfter(api: Api, cursor = ''): Promise<{ subjects: string[]; cursor: string }> {
  const subjects: string[] = [];
  for (;;) {
    const page = SyncResponse.parse((await api('GET', `/sync?limit=1000${cursor ? `&after=${cursor}` : ''}`)).body);
    for (const change of page.changes) if (change.kind === 'message') subjects.push(change.message.subject);
    cursor = page.cursor;
    if (!page.more) return { subjects, cursor };
  }
}

describe('two instances on one database', () => {
  it('seeded once: the second instance found the demo data', () => {
    expect([a.seeded, b.seeded]).toEqual([true, false]);
    expect(onB.sunriseId).toBe(onA.sunriseId);
  });

  it('a send through A hints a live socket on B, and B syncs it', async () => {
    const start = await messagesAfter(onB.lee.api);
    const live = await openLive(b.url);
    live.socket.send(JSON.stringify({ type: 'auth', token: onB.lee.token }));
    await live.next((m) => m.type === 'ready');
    const sent = await onA.desk.api('POST', `/practices/${onA.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [onA.lee.login.user.id],
      subject: 'Through A',
      body: 'Seen on B.',
    });
    expect(sent.status).toBe(201);
    await live.next((m) => m.type === 'changes', 5_000);
    expect((await messagesAfter(onB.lee.api, start.cursor)).subjects).toEqual(['Through A']);
    live.socket.close();
  });

  it('an upload through A downloads through B (shared attachments folder)', async () => {
    const sent = await uploadStream({
      baseUrl: a.url,
      token: onA.desk.token,
      practiceId: onA.sunriseId,
      size: 123_456,
    });
    const { attachment } = UploadResponse.parse(sent.body);
    const download = await fetch(`${b.url}/api/v1/attachments/${attachment.id}`, {
      headers: { authorization: `Bearer ${onB.desk.token}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).length).toBe(123_456);
  });

  it('concurrent writers on A and B: a tight-loop reader sees every change exactly once, in order', async () => {
    const start = await messagesAfter(onA.lee.api);
    const PER_WRITER = 25;
    const writers = [
      { name: 'desk@A', api: onA.desk.api },
      { name: 'billing@A', api: onA.billing.api },
      { name: 'desk@B', api: onB.desk.api },
      { name: 'billing@B', api: onB.billing.api },
    ];
    const expected = writers.flatMap((w) => Array.from({ length: PER_WRITER }, (_, i) => `${w.name} #${i}`));
    let writing = true;
    const seen: string[] = [];
    const reader = (async () => {
      let cursor = start.cursor;
      const deadline = Date.now() + 60_000;
      // Alternate instances: the cursor must mean the same on both.
      for (let turn = 0; (writing || seen.length < expected.length) && Date.now() < deadline; turn += 1) {
        const api = turn % 2 === 0 ? onA.lee.api : onB.lee.api;
        const page = SyncResponse.parse((await api('GET', `/sync?limit=7&after=${cursor}`)).body);
        for (const change of page.changes) if (change.kind === 'message') seen.push(change.message.subject);
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      writers.map(async (w) => {
        for (let i = 0; i < PER_WRITER; i += 1) {
          const sent = await w.api('POST', `/practices/${onA.sunriseId}/messages`, {
            clientId: randomUUID(),
            to: [onA.lee.login.user.id],
            subject: `${w.name} #${i}`,
            body: 'Order test.',
          });
          expect(sent.status).toBe(201);
        }
      }),
    );
    writing = false;
    await reader;
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    expect([...seen].sort()).toEqual([...expected].sort()); // nothing skipped
    for (const w of writers) {
      const own = seen.filter((subject) => subject.startsWith(`${w.name} #`));
      expect(own).toEqual(expected.filter((subject) => subject.startsWith(`${w.name} #`))); // in each writer's order
    }
  });
});

describe('two instances starting together on an empty database', () => {
  it('seed it once', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const [first, second] = await Promise.all([startTestServer({ databaseUrl }), startTestServer({ databaseUrl })]);
    try {
      expect([first.seeded, second.seeded].sort()).toEqual([false, true]);
      const world = await signInDemo(first.url);
      const practices = world.billing.login.practices.map((p) => p.name);
      expect(practices).toHaveLength(2);
      const users = await apiClient(second.url, world.desk.token)('GET', `/practices/${world.sunriseId}/users`);
      expect(users.status).toBe(200);
    } finally {
      await first.cleanup();
      await second.cleanup();
    }
  });
});
