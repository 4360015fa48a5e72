// Benchmark: the server on SQLite and on PostgreSQL side by side in one run, and two instances on
// PostgreSQL: sends with 50 clients (each database), cross-instance fan-out (a send through A until
// a live socket on B is told, with 50 sockets open on B), and the server's share of a 100,000-message
// cold sync (each database). PostgreSQL is a private cluster with durable commits (fsync on).
// Run alone with `npx tsx bench/server-cluster.ts`, or through `npm run bench`.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { DEMO_STAFF } from '../server/demo/accounts.js';
import { startPrivatePostgres, type PrivatePostgres } from '../scripts/lib/private-postgres.js';
import { benchServerSends, signIn, startServerProcess } from './server-sends.js';
import { benchServerSync } from './server-sync.js';

const FANOUT_SOCKETS = 50;
const FANOUT_SENDS = 300;

async function createDatabase(cluster: PrivatePostgres, name: string): Promise<string> {
  const admin = new pg.Client(cluster.adminUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return cluster.adminUrl.replace(/\/postgres$/, `/${name}`);
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface FanoutResult {
  sends: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Two instance processes on one database: sends through A, each timed until a socket on B hears of it. */
export async function benchFanout(databaseUrl: string): Promise<FanoutResult> {
  const dirs = [mkdtempSync(join(tmpdir(), 'bench-fanout-a-')), mkdtempSync(join(tmpdir(), 'bench-fanout-b-'))];
  const a = await startServerProcess(dirs[0]!, databaseUrl);
  const b = await startServerProcess(dirs[1]!, databaseUrl);
  const sockets: WebSocket[] = [];
  try {
    const [desk, lee] = await Promise.all([signIn(a.url, DEMO_STAFF.frontdesk), signIn(b.url, DEMO_STAFF.drLee)]);
    let onHint: (() => void) | null = null;
    for (let i = 0; i < FANOUT_SOCKETS; i += 1) {
      const socket = new WebSocket(`${b.url.replace(/^http/, 'ws')}/api/v1/live`);
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      const ready = new Promise<void>((resolve) => socket.once('message', () => resolve()));
      socket.send(JSON.stringify({ type: 'auth', token: lee.token }));
      await ready;
      if (i === 0) socket.on('message', () => onHint?.());
      sockets.push(socket);
    }
    const latencies: number[] = [];
    for (let i = 0; i < FANOUT_SENDS; i += 1) {
      const heard = new Promise<void>((resolve) => (onHint = resolve));
      const started = performance.now();
      const response = await fetch(`${a.url}/api/v1/practices/${desk.practices[0]!.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
        body: JSON.stringify({ clientId: randomUUID(), to: [lee.user.id], subject: `Fan-out ${i}`, body: 'Hint me.' }),
      });
      if (response.status !== 201) throw new Error(`send answered ${response.status}`);
      await heard;
      latencies.push(performance.now() - started);
    }
    latencies.sort((x, y) => x - y);
    return {
      sends: latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies.at(-1) ?? 0,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    for (const child of [a.child, b.child]) {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    }
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const load = (): string =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(' ');
  console.log(`Load average at start: ${load()}`);
  const cluster = await startPrivatePostgres({ durable: true });
  try {
    const sendsSqlite = await benchServerSends();
    const sendsPostgres = await benchServerSends(await createDatabase(cluster, 'bench_sends'));
    const fanout = await benchFanout(await createDatabase(cluster, 'bench_fanout'));
    const syncSqlite = await benchServerSync();
    const syncPostgres = await benchServerSync(await createDatabase(cluster, 'bench_sync'));
    const sendsRow = (r: typeof sendsSqlite) => ({
      'msgs/s': Math.round(r.messagesPerSecond),
      'p50 ms': r.p50Ms.toFixed(1),
      'p99 ms': r.p99Ms.toFixed(1),
      errors: r.errors,
      'server CPU ms/send': r.serverCpuMsPerSend.toFixed(3),
      target: '>= 1500 msgs/s, p99 <= 50 ms',
    });
    console.table({
      'sends, 50 clients, SQLite': sendsRow(sendsSqlite),
      'sends, 50 clients, PostgreSQL': sendsRow(sendsPostgres),
    });
    console.table({
      'fan-out A -> live socket on B (PostgreSQL, 50 sockets on B)': {
        sends: fanout.sends,
        'p50 ms': fanout.p50Ms.toFixed(1),
        'p99 ms': fanout.p99Ms.toFixed(1),
        'max ms': fanout.maxMs.toFixed(1),
        target: 'p99 <= 100 ms',
      },
    });
    const syncRow = (r: typeof syncSqlite) => ({
      changes: r.changes,
      pages: r.pages,
      seconds: r.seconds.toFixed(2),
      'changes/s': Math.round(r.changes / r.seconds),
      'seed s (untimed)': r.seedSeconds.toFixed(1),
    });
    console.table({
      '/sync of 100,000, SQLite': syncRow(syncSqlite),
      '/sync of 100,000, PostgreSQL': syncRow(syncPostgres),
    });
  } finally {
    await cluster.stop();
  }
  console.log(`Load average at end: ${load()}`);
}
