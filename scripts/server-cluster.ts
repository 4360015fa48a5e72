// `npm run server:cluster`: tries the server past one machine on this one: a private PostgreSQL (or
// DATABASE_URL), two instances with the demo data and one shared attachments folder, and a tiny
// round-robin proxy on PORT (default 8787). Ctrl+C stops all of it and removes what it made.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { startPrivatePostgres, type PrivatePostgres } from './lib/private-postgres.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './lib/round-robin-proxy.js';

const INSTANCES = 2;
const root = join(import.meta.dirname, '..');

function startInstance(env: NodeJS.ProcessEnv, name: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/cli.ts'), '--demo'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Practice server listening on (\S+)$/.exec(line);
      if (match?.[1]) resolve({ child, url: new URL(match[1]) });
      else console.log(`[${name}] ${line}`);
    });
  });
}

async function main(): Promise<void> {
  const folders: string[] = [];
  const children: ChildProcess[] = [];
  let postgres: PrivatePostgres | null = null;
  let proxy: RoundRobinProxy | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await proxy?.close();
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null) return resolve(null);
              child.once('exit', resolve);
              child.kill('SIGTERM');
            }),
        ),
      );
      await postgres?.stop();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    })());
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      postgres = await startPrivatePostgres({ durable: true });
      const admin = new pg.Client(postgres.adminUrl);
      await admin.connect();
      await admin.query('CREATE DATABASE practice');
      await admin.end();
      databaseUrl = postgres.adminUrl.replace(/\/postgres$/, '/practice');
      console.log(`PostgreSQL: a private cluster on port ${postgres.port} (removed on stop).`);
    }
    const shared = mkdtempSync(join(tmpdir(), 'practice-cluster-blobs-'));
    folders.push(shared);
    const instances = [];
    for (let n = 1; n <= INSTANCES; n += 1) {
      const dataDir = mkdtempSync(join(tmpdir(), `practice-cluster-${n}-`));
      folders.push(dataDir);
      const env = { DATABASE_URL: databaseUrl, ATTACHMENTS_URL: pathToFileURL(shared).href, DATA_DIR: dataDir };
      const instance = await startInstance(env, `instance ${n}`);
      children.push(instance.child);
      instances.push(instance);
      console.log(`Instance ${n}: ${instance.url.origin}`);
    }
    proxy = await startRoundRobinProxy(
      instances.map((i) => i.url),
      process.env.PORT === undefined ? 8787 : Number(process.env.PORT),
      process.env.HOST ?? '127.0.0.1',
    );
    console.log(`Practice cluster listening on ${proxy.url}`);
  } catch (error) {
    console.error('The cluster could not start:', error instanceof Error ? error.message : error);
    await stop();
    process.exit(1);
  }
}

void main();
