// Bench support for the server benchmarks: practice server instances in their own processes, sign-in,
// CPU time per process from /proc (server instances, PostgreSQL with its backends), databases in a
// private PostgreSQL, and the machine (cores, load) as figures, since every figure here depends on it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { LoginResponse } from '../common/http/index.js';
import { DEMO_PASSWORD } from '../server/demo/accounts.js';
import { startPrivatePostgres, type PrivatePostgres } from '../scripts/lib/private-postgres.js';
import type { Figure } from './report.js';

const ROOT = path.join(import.meta.dirname, '..');
const INSTANCE_ENTRY = path.join(import.meta.dirname, 'server-instance-fixtures.ts');
const START_DEADLINE_MS = 120_000; // seeding 100,000 bulk messages under load takes a while
const STOP_DEADLINE_MS = 15_000;

export interface ServerInstance {
  url: string;
  pid: number;
  /** SIGTERM, wait for the exit (SIGKILL past a deadline), remove the data folder. */
  stop(): Promise<void>;
}

export interface InstanceOptions {
  /** postgres://...; unset: SQLite in the instance's own data folder. */
  databaseUrl?: string;
  /** Extra messages between the front desk and Dr. Lee, seeded on first start. */
  bulkMessages?: number;
}

/** A practice server in its own process, so that its CPU time is its own (BENCH_CPU_PROF=1 profiles it). */
export async function startServerInstance(options: InstanceOptions = {}): Promise<ServerInstance> {
  const dataDir = fs.mkdtempSync(path.join(tmpdir(), 'bench-server-'));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : []),
      '--import',
      'tsx',
      INSTANCE_ENTRY,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_DATA_DIR: dataDir,
        BENCH_DATABASE_URL: options.databaseUrl ?? '',
        BENCH_BULK_MESSAGES: String(options.bulkMessages ?? 0),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start in time')), START_DEADLINE_MS);
      void exited.then(() => reject(new Error(`server exited with ${child.exitCode ?? child.signalCode}`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const match = /^URL (\S+)$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return { url, pid: child.pid ?? 0, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function signIn(url: string, email: string): Promise<LoginResponse> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return (await response.json()) as LoginResponse;
}

// /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime,
// [13] cutime, [14] cstime, in clock ticks (USER_HZ, 100 on Linux).
function statFields(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return null; // exited meanwhile, or not Linux
  }
}
const ticksToMs = (fields: string[], ...at: number[]): number =>
  at.reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) * 10;

/** User + system CPU milliseconds of one process so far, all its threads included (0 off Linux). */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? ticksToMs(fields, 11, 12) : 0;
}

/**
 * CPU milliseconds of a process and all its children so far, exited children included: PostgreSQL's
 * postmaster and its backends (one per connection, each its own process).
 */
export function processTreeCpuMs(rootPid: number): number {
  const root = statFields(rootPid);
  if (!root) return 0;
  let total = ticksToMs(root, 11, 12, 13, 14);
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields && Number(fields[1]) === rootPid) total += ticksToMs(fields, 11, 12);
  }
  return total;
}

/** The postmaster's pid: the first line of postmaster.pid in the cluster's data folder. */
const postmasterPid = (cluster: PrivatePostgres): number =>
  Number(fs.readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

/** A new, empty database in the cluster; its URL. */
async function createDatabase(cluster: PrivatePostgres, name: string): Promise<string> {
  const admin = new pg.Client(cluster.adminUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The machine as figures: these benchmarks share the cores with whatever else runs. */
function machineFigures(when: 'start' | 'end'): Figure[] {
  const load: Figure = { name: `load average (1 min) at ${when}`, value: loadavg()[0] ?? NaN, unit: 'load' };
  return when === 'start' ? [{ name: 'CPU cores', value: cpus().length, unit: 'cores' }, load] : [load];
}

/** What a server benchmark measures on: a private PostgreSQL and the instances it starts. */
export interface ServerBenchLab {
  /** The postmaster: processTreeCpuMs(postgresPid) is the whole cluster's CPU. */
  postgresPid: number;
  /** A new, empty database in the cluster; its URL. */
  createDatabase(name: string): Promise<string>;
  /** An instance, stopped by runServerBench after the measurement. */
  launch(options?: InstanceOptions): Promise<ServerInstance>;
}

/**
 * Runs `measure` on a private PostgreSQL with durable commits (fsync on), between the machine's
 * figures at the start and the end; stops every instance it launched and the cluster, whatever happens.
 */
export async function runServerBench(measure: (lab: ServerBenchLab) => Promise<Figure[]>): Promise<Figure[]> {
  const start = machineFigures('start');
  const running: ServerInstance[] = [];
  let cluster: PrivatePostgres | null = null;
  try {
    cluster = await startPrivatePostgres({ durable: true });
    const postgres = cluster;
    const figures = await measure({
      postgresPid: postmasterPid(postgres),
      createDatabase: (name) => createDatabase(postgres, name),
      launch: async (options) => {
        const instance = await startServerInstance(options);
        running.push(instance);
        return instance;
      },
    });
    return [...start, ...figures, ...machineFigures('end')];
  } finally {
    await Promise.all(running.map((instance) => instance.stop()));
    await cluster?.stop();
  }
}
