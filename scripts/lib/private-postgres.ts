// A private PostgreSQL cluster for tests, benchmarks and `npm run server:cluster`: initdb on its own
// folder, started with pg_ctl on a free loopback port (as the `postgres` user when we are root, since
// PostgreSQL refuses to run as root), stopped and removed again by stop().
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres: the maintenance database, for CREATE DATABASE. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server and keeps its data (restart() starts it again on the same port). */
  pause(): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server (fast shutdown) and removes its data folder. */
  stop(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /** Durable commits (benchmarks, the cluster script); tests turn fsync off for speed. */
  durable?: boolean;
  /** Where the data folder goes (default: a new temporary folder). */
  parentDir?: string;
}

/** The folder with initdb, pg_ctl and postgres: POSTGRES_BIN, else Debian's newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error(
      'PostgreSQL is not installed: install postgresql-15 (apt-get install postgresql-15) or set POSTGRES_BIN.',
    );
  }
  return join(root, versions[0], 'bin');
}

const asRoot = (): boolean => userInfo().uid === 0;

/** Runs a PostgreSQL program as `postgres` when we are root (runuser), else as ourselves. */
async function runPostgresTool(tool: string, args: string[]): Promise<void> {
  const program = join(postgresBinDir(), tool);
  const [command, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  await run(command, argv, { cwd: tmpdir(), maxBuffer: 4 * 1024 * 1024 });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startPrivatePostgres(options: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const dataDir = mkdtempSync(join(options.parentDir ?? tmpdir(), 'practice-postgres-'));
  if (asRoot()) {
    const { uid, gid } = await postgresIds();
    chownSync(dataDir, uid, gid);
  }
  await runPostgresTool('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dataDir}`, // the Unix socket in our own folder: /var/run/postgresql may not be writable
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = (): Promise<void> =>
    runPostgresTool('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      join(dataDir, 'server.log'),
      '-o',
      settings,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  const pause = (): Promise<void> => runPostgresTool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  await start();
  let stopped = false;
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    pause,
    restart: start,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pause().catch(() => undefined); // already stopped: nothing to do
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}
