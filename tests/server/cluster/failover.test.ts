// Instances fail and PostgreSQL restarts: SIGKILL instance A mid-traffic and its clients go on
// through B, resending what was unanswered under the same clientId, and lose nothing; PostgreSQL
// restarted under running instances: their live sockets get a `changes` hint when the notice
// connection drops, and they recover (sends, sync, cross-instance hints) without a restart of their own.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SyncResponse } from '../../../common/http/index.js';
import { startPrivatePostgres } from '../../../scripts/lib/private-postgres.js';
import { apiClient, type Api } from '../../support/practice-server-client.js';
import { signInDemo } from '../../support/practice-server-demo.js';
import { startInstanceProcess } from '../../support/practice-server-instance.js';
import { openLive } from '../../support/practice-server-live.js';
import { freshDatabaseUrl } from '../../support/practice-server-postgres.js';
import { startTestServer } from '../../support/practice-server.js';

/** Every message clientId in the caller's feed. */
async function clientIds(api: Api): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  for (;;) {
    const page = SyncResponse.parse((await api('GET', `/sync?limit=1000${cursor ? `&after=${cursor}` : ''}`)).body);
    for (const change of page.changes) if (change.kind === 'message') ids.push(change.message.clientId);
    cursor = page.cursor;
    if (!page.more) return ids;
  }
}

describe('an instance killed mid-traffic', () => {
  it('its clients go on through B and nothing is lost or stored twice', async () => {
    const databaseUrl = await freshDatabaseUrl();
    const dataDir = mkdtempSync(join(tmpdir(), 'practice-instance-a-'));
    const instanceA = await startInstanceProcess({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }, ['--demo']);
    const b = await startTestServer({ databaseUrl });
    try {
      const world = await signInDemo(instanceA.url); // tokens live in the database: valid on B too
      const servers = [instanceA.url, b.url];
      let current = 0;
      const PER_CLIENT = 30;
      const sent: string[] = [];
      let answered = 0;
      const clients = [world.desk, world.billing, world.lee].map(async (who, n) => {
        for (let i = 0; i < PER_CLIENT; i += 1) {
          const request = {
            clientId: randomUUID(),
            to: [n === 2 ? world.desk.login.user.id : world.lee.login.user.id],
            subject: `client ${n} #${i}`,
            body: 'Failover test.',
          };
          sent.push(request.clientId);
          for (let attempt = 0; ; attempt += 1) {
            expect(attempt).toBeLessThan(20);
            try {
              const response = await apiClient(servers[current]!, who.token)(
                'POST',
                `/practices/${world.sunriseId}/messages`,
                request,
              );
              expect([200, 201]).toContain(response.status);
              answered += 1;
              break;
            } catch {
              current = 1; // A is gone: what was unanswered goes again to B, same clientId
            }
          }
        }
      });
      const killer = (async () => {
        while (answered < 20) await new Promise((resolve) => setTimeout(resolve, 5));
        await instanceA.kill();
      })();
      await Promise.all([...clients, killer]);
      expect(current).toBe(1);
      const stored = [
        ...(await clientIds(apiClient(b.url, world.desk.token))),
        ...(await clientIds(apiClient(b.url, world.lee.token))),
        ...(await clientIds(apiClient(b.url, world.billing.token))),
      ];
      // Each message is in its sender's and its recipient's feed: every clientId twice, never more.
      for (const clientId of sent) expect(stored.filter((id) => id === clientId)).toHaveLength(2);
    } finally {
      await instanceA.kill();
      await b.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('PostgreSQL restarted under running instances', () => {
  it('hints every live socket when notices may be lost, then recovers on its own', async () => {
    const cluster = await startPrivatePostgres();
    const admin = new pg.Client(cluster.adminUrl);
    await admin.connect();
    await admin.query('CREATE DATABASE restart_test');
    await admin.end();
    const databaseUrl = cluster.adminUrl.replace(/\/postgres$/, '/restart_test');
    const a = await startTestServer({ databaseUrl });
    const b = await startTestServer({ databaseUrl });
    try {
      const world = await signInDemo(a.url);
      const live = await openLive(b.url);
      live.socket.send(JSON.stringify({ type: 'auth', token: world.lee.token }));
      await live.next((m) => m.type === 'ready');

      await cluster.pause();
      await live.next((m) => m.type === 'changes', 10_000); // B's notice connection dropped
      await cluster.restart();

      const send = () =>
        world.desk.api('POST', `/practices/${world.sunriseId}/messages`, {
          clientId: randomUUID(),
          to: [world.lee.login.user.id],
          subject: 'After the restart',
          body: 'Recovered.',
        });
      // The pool reopens connections by itself; the first requests may still meet closed ones.
      const deadline = Date.now() + 30_000;
      let status = 0;
      while (status !== 201 && Date.now() < deadline) status = (await send()).status;
      expect(status).toBe(201);
      // B listens again (reconnect with backoff), so a later send through A reaches B's socket.
      const hinted = live.next((m) => m.type === 'changes', 30_000);
      const stop = Date.now() + 30_000;
      let got = false;
      void hinted.then(() => (got = true));
      while (!got && Date.now() < stop) {
        expect((await send()).status).toBe(201);
        await Promise.race([hinted, new Promise((resolve) => setTimeout(resolve, 500))]);
      }
      expect(got).toBe(true);
      const onB = apiClient(b.url, world.lee.token);
      expect((await onB('GET', '/sync?limit=1000')).status).toBe(200);
      live.socket.close();
    } finally {
      await a.cleanup().catch(() => undefined);
      await b.cleanup().catch(() => undefined);
      await cluster.stop();
    }
  });
});
