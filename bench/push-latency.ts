// Benchmark: push latency as a user feels it. ONE real desktop engine (front desk: its own encrypted
// cache, writer thread, live socket) is measured end to end, from Dr. Lee's send request to the
// engine raising the notification, which happens only after the sync page holding the message is
// committed to its cache. Meanwhile 500 light clients (HTTP + live socket, no cache, in their own
// process) hold sockets on the same server (in its own process) and pull /sync on every hint, as the
// rest of the practice would. The notification burst window is set to 0 here (excluded by design:
// the app's default 250 ms window adds to it on purpose).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../main/core/engine.js';
import { JsonFilePreferenceStore } from '../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../main/core/stores/json-file-secret-store.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/accounts.js';
import { startServerProcess } from './core-fixtures.js';
import { atMost, percentile, report } from './report.js';

const LIGHT_CLIENTS = Number(process.env.PUSH_LIGHT_CLIENTS ?? 500);
const SENDS = 100;
const PER_SEND_DEADLINE_MS = 10_000;
const LIGHT_CLIENTS_SCRIPT = join(import.meta.dirname, 'push-light-clients-fixtures.ts');

type Login = { token: string; user: { id: string }; practices: Array<{ id: string }> };

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} -> ${response.status}`);
  return (await response.json()) as T;
}

function startLightClients(serverUrl: string, tokens: string[]): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', LIGHT_CLIENTS_SCRIPT, serverUrl, String(LIGHT_CLIENTS), JSON.stringify(tokens)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('light clients did not all connect in 120 s')), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`light clients exited with ${code}`)));
  });
}

async function stopLightClients(child: ChildProcess): Promise<string> {
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return out.trim();
}

export async function benchPushLatency(): Promise<void> {
  const server = await startServerProcess(0);
  const appDir = mkdtempSync(join(tmpdir(), 'bench-push-app-'));
  const notified = new Map<string, number>();
  const engine = createEngine({
    dataDir: appDir,
    appInfo: { name: 'Practice Messenger', version: 'bench', host: 'web' },
    defaultServerUrl: server.url,
    secrets: new JsonFileSecretStore(join(appDir, 'secrets.json')),
    preferences: new JsonFilePreferenceStore(join(appDir, 'preferences.json')),
    notifier: {
      notify: (request) => {
        const id = request.target?.messageId;
        if (id && !notified.has(id)) notified.set(id, performance.now());
      },
    },
    tuning: { notificationWindowMs: 0 },
  });
  let lightClients: ChildProcess | null = null;
  try {
    await engine.start();
    await engine.handlers.signIn({ serverUrl: server.url, email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const status = await engine.handlers.getSyncStatus({});
      if (status.state === 'online' && status.initialSyncDone) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lee = await post<Login>(`${server.url}/api/v1/session`, { email: DEMO_STAFF.drLee, password: DEMO_PASSWORD });
    const desk = await post<Login>(`${server.url}/api/v1/session`, {
      email: DEMO_STAFF.frontdesk,
      password: DEMO_PASSWORD,
    });
    // The light clients are the front desk's and Dr. Lee's other devices: every send hints all of them.
    lightClients = await startLightClients(server.url, [desk.token, lee.token]);
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
      while (!notified.has(sent.message.id) && performance.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const at = notified.get(sent.message.id);
      if (at === undefined) missing++;
      else latencies.push(at - started);
      // Messages arrive apart, not in a tight loop: let the light clients' pulls for this one settle.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 300));
    }
    const lightStats = await stopLightClients(lightClients);
    lightClients = null;
    const pulls = Number(/pulls (\d+)/.exec(lightStats)?.[1] ?? NaN);
    const errors = Number(/errors (\d+)/.exec(lightStats)?.[1] ?? NaN);
    report('push-latency', [
      {
        name: `send -> committed + notified, 1 engine + ${LIGHT_CLIENTS} light clients, p50`,
        value: percentile(latencies, 50),
        unit: 'ms',
        target: atMost(30),
      },
      {
        name: `send -> committed + notified, 1 engine + ${LIGHT_CLIENTS} light clients, p99`,
        value: percentile(latencies, 99),
        unit: 'ms',
        target: atMost(100),
      },
      { name: 'sends measured', value: latencies.length, unit: 'sends' },
      { name: 'notifications missing after 10 s', value: missing, unit: 'sends', target: atMost(0) },
      { name: 'light-client /sync pulls during the run', value: pulls, unit: 'pulls' },
      { name: 'light-client errors', value: errors, unit: 'errors', target: atMost(0) },
    ]);
  } finally {
    if (lightClients) await stopLightClients(lightClients);
    await engine.stop();
    rmSync(appDir, { recursive: true, force: true });
    server.child.kill('SIGTERM');
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPushLatency();
