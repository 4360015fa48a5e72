// Benchmark: push latency. With 50 desktop engines connected (live socket, own encrypted cache each), Dr. Lee
// sends; we time from the send request to each recipient engine raising its notification, which happens only
// after the sync page holding the message is committed to its cache. Notification coalescing is set to 0 ms
// here so the figure is the pipeline itself; the app's default 250 ms burst window adds to it by design.
// Run alone with `npx tsx bench/push-latency.ts`, or through `npm run bench`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../main/core/engine.js';
import type { Engine, NotificationRequest } from '../main/core/host-ports.js';
import { JsonFilePreferenceStore } from '../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../main/core/stores/json-file-secret-store.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/accounts.js';
import { startPracticeServer } from '../server/start.js';

const CLIENTS = 50;
const SENDS = 20;
const PER_SEND_DEADLINE_MS = 10_000;

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} -> ${response.status}`);
  return (await response.json()) as T;
}

export async function benchPushLatency(): Promise<void> {
  const serverDir = mkdtempSync(join(tmpdir(), 'bench-push-server-'));
  const server = await startPracticeServer({ dataDir: serverDir, port: 0, demo: true, logger: false });
  const arrivals = new Map<string, number[]>();
  const engines: Array<{ engine: Engine; dir: string }> = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-push-app-'));
      const engine = createEngine({
        dataDir: dir,
        appInfo: { name: 'Practice Messenger', version: 'bench', host: 'web' },
        defaultServerUrl: server.url,
        secrets: new JsonFileSecretStore(join(dir, 'secrets.json')),
        preferences: new JsonFilePreferenceStore(join(dir, 'preferences.json')),
        notifier: {
          notify: (request: NotificationRequest) => {
            const id = request.target?.messageId;
            if (id) arrivals.set(id, [...(arrivals.get(id) ?? []), performance.now()]);
          },
        },
        tuning: { notificationWindowMs: 0 },
      });
      engines.push({ engine, dir });
      await engine.start();
      await engine.handlers.signIn({ serverUrl: server.url, email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD });
    }
    // Wait until every engine has finished its first sync and holds its live socket.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const statuses = await Promise.all(engines.map(({ engine }) => engine.handlers.getSyncStatus({})));
      if (statuses.every((s) => s.state === 'online' && s.initialSyncDone)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lee = await post<{ token: string; user: { id: string }; practices: Array<{ id: string }> }>(
      `${server.url}/api/v1/session`,
      { email: DEMO_STAFF.drLee, password: DEMO_PASSWORD },
    );
    const desk = await post<{ user: { id: string } }>(`${server.url}/api/v1/session`, {
      email: DEMO_STAFF.frontdesk,
      password: DEMO_PASSWORD,
    });
    const practiceId = lee.practices[0]?.id ?? '';
    const latencies: number[] = [];
    let missing = 0;
    for (let n = 0; n < SENDS; n++) {
      const started = performance.now();
      const sent = await post<{ message: { id: string } }>(
        `${server.url}/api/v1/practices/${practiceId}/messages`,
        { clientId: randomUUID(), to: [desk.user.id], subject: `Push check ${n}`, body: 'Latency probe.' },
        lee.token,
      );
      const until = performance.now() + PER_SEND_DEADLINE_MS;
      while ((arrivals.get(sent.message.id)?.length ?? 0) < CLIENTS && performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const got = arrivals.get(sent.message.id) ?? [];
      missing += CLIENTS - got.length;
      latencies.push(...got.map((t) => t - started));
    }
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
    console.table([
      {
        what: `send -> cache committed + notification, ${CLIENTS} clients, p50`,
        value: pct(50),
        unit: 'ms',
        target: '-',
      },
      {
        what: `send -> cache committed + notification, ${CLIENTS} clients, p99`,
        value: pct(99),
        unit: 'ms',
        target: '<= 100',
      },
      { what: 'samples (sends x clients)', value: latencies.length, unit: '', target: `${SENDS * CLIENTS}` },
      { what: 'notifications missing after 10 s', value: missing, unit: '', target: '0' },
    ]);
  } finally {
    for (const { engine, dir } of engines) {
      await engine.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    await server.close();
    rmSync(serverDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPushLatency();
