// Benchmark: message sends against a practice server on loopback (its own process, demo data),
// from 50 concurrent clients. Prints msgs/s and latency percentiles. Bounded in count and time.
// Run alone with `npx tsx bench/server-sends.ts`, or through `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoginResponse } from '../common/http/index.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/accounts.js';

const CLIENTS = 50;
const MAX_SENDS = 6_000;
const MAX_SECONDS = 15;
const WARMUP_SENDS = 200;

export interface ServerSendsResult {
  clients: number;
  sends: number;
  seconds: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** CPU time the server process spent per send (user + system), a figure less bent by other load. */
  serverCpuMsPerSend: number;
  /** CPU time this load-generating process spent per send: it shares the 2 cores with the server. */
  clientCpuMsPerSend: number;
}

/** Starts the server from its CLI; with `databaseUrl`, on that PostgreSQL database instead of SQLite. */
export async function startServerProcess(
  dataDir: string,
  databaseUrl?: string,
): Promise<{ url: string; child: ChildProcess }> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
      '--import',
      'tsx',
      join(root, 'server/cli.ts'),
      '--demo',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        SMTP_URL: '',
        LOG_LEVEL: 'warn',
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Practice server listening on (\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, child };
}

export async function signIn(url: string, email: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return (await response.json()) as LoginResponse;
}

/** User + system CPU milliseconds of a process so far (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

// node:http with keep-alive: a lighter client than fetch, so the figures are the server's.
function post(agent: Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export async function benchServerSends(databaseUrl?: string): Promise<ServerSendsResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-sends-'));
  const { url, child } = await startServerProcess(dataDir, databaseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    const [desk, lee] = await Promise.all([signIn(url, DEMO_STAFF.frontdesk), signIn(url, DEMO_STAFF.drLee)]);
    const practiceId = desk.practices[0]!.id;
    const sendOnce = async (client: number): Promise<number> => {
      const [from, to] = client % 2 === 0 ? [desk, lee] : [lee, desk];
      const body = JSON.stringify({
        clientId: randomUUID(),
        to: [to.user.id],
        subject: `Bench ${client}`,
        body: 'Please call the patient back about the lab results.',
      });
      const started = performance.now();
      const status = await post(agent, `${url}/api/v1/practices/${practiceId}/messages`, from.token, body);
      if (status !== 201) throw new Error(`send answered ${status}`);
      return performance.now() - started;
    };
    // Warm up from all clients at once, so that the 50 keep-alive connections are open before the
    // clock starts (sequential warm-up left 49 of them to be opened inside the measured window).
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < WARMUP_SENDS / CLIENTS; i += 1) await sendOnce(client);
      }),
    );

    const latencies: number[] = [];
    let errors = 0;
    let issued = 0;
    const deadline = performance.now() + MAX_SECONDS * 1000;
    const started = performance.now();
    const cpuBefore = cpuMs(child.pid);
    const clientCpuBefore = process.cpuUsage();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        while (issued < MAX_SENDS && performance.now() < deadline) {
          issued += 1;
          try {
            latencies.push(await sendOnce(client));
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuMs(child.pid) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    latencies.sort((a, b) => a - b);
    return {
      clients: CLIENTS,
      sends: latencies.length,
      seconds,
      messagesPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
      errors,
      serverCpuMsPerSend: latencies.length > 0 ? serverCpu / latencies.length : 0,
      clientCpuMsPerSend: latencies.length > 0 ? (clientCpu.user + clientCpu.system) / 1000 / latencies.length : 0,
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchServerSends();
  console.table({
    'server sends (50 clients)': {
      'msgs/s': Math.round(result.messagesPerSecond),
      'target msgs/s': '>= 1500',
      'p50 ms': result.p50Ms.toFixed(1),
      'p99 ms': result.p99Ms.toFixed(1),
      'target p99 ms': '<= 50',
      sends: result.sends,
      errors: result.errors,
      'server CPU ms/send': result.serverCpuMsPerSend.toFixed(3),
      'client CPU ms/send': result.clientCpuMsPerSend.toFixed(3),
    },
  });
}
