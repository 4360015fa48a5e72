// `npm run soak` (not part of npm test): two engines (front desk and Dr. Lee, each sending to the other)
// are killed with SIGKILL at random moments, 1,000 times in all, while the practice server is killed
// 100 times and restarted on the same port and data. Then each engine drains its outbox once more and
// every cache is compared with the server: lost and duplicated must be 0, integrity and FTS checks ok.
// The engine children run from a bundle built here (a TypeScript start per kill would not fit an hour).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { openReadOnly } from '../../main/core/cache/driver.js';
import { accountDir } from '../../main/core/session/account-manager.js';
import { accountKeyName } from '../../main/core/session/account-storage.js';
import { JsonFileSecretStore } from '../../main/core/stores/json-file-secret-store.js';
import { apiLogin, DEMO_PASSWORD } from '../support/engine-harness.js';
import { serverView } from '../core/support/server-feed.js';
import { ServerProcess } from './server-process.js';

const ENGINE_KILLS = Number(process.env.SOAK_ENGINE_KILLS ?? 1000);
const SERVER_KILLS = Number(process.env.SOAK_SERVER_KILLS ?? 100);
const DEADLINE_MS = 55 * 60_000;
/**
 * Kill moments: a quarter during start-up (ms after spawn: cache check, migration, writer start),
 * the rest while the engine syncs and sends (ms after it reports its session open).
 */
const STARTUP_KILL_SHARE = 0.25;
const STARTUP_WINDOW_MS = [20, 2500] as const;
const RUNNING_WINDOW_MS = [0, 3000] as const;
const root = path.resolve(import.meta.dirname, '../..');
const started = Date.now();
const log = (line: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
const randomMs = (min: number, max: number) => min + Math.random() * (max - min);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bundles the child and the cache writer entry side by side (resolved against node_modules). */
async function bundleChild(): Promise<string> {
  const outdir = path.join(root, 'node_modules', '.cache', 'practice-soak');
  fs.mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: {
      'soak-child': path.join(root, 'tests/soak/soak-child.ts'),
      'cache-writer': path.join(root, 'main/core/cache/writer/worker-main.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  // The writer client looks for `cache-writer.js` beside the code that starts it.
  fs.renameSync(path.join(outdir, 'cache-writer.mjs'), path.join(outdir, 'cache-writer.js'));
  fs.writeFileSync(path.join(outdir, 'package.json'), '{"type":"module"}');
  return path.join(outdir, 'soak-child.mjs');
}

interface EngineLoop {
  email: string;
  dataDir: string;
  recipientId: string;
  kills: number;
  queued: Set<string>;
  /** Runs that reached `ready` (session open) before the kill, and sends queued, for the report. */
  readyRuns: number;
}

type KillAt = { afterSpawnMs: number } | { afterReadyMs: number } | null;

function runChild(
  bundle: string,
  e: EngineLoop,
  serverUrl: string,
  runId: string,
  killAt: KillAt,
): Promise<'killed' | 'drained' | 'failed'> {
  const args = [bundle, e.dataDir, serverUrl, e.email, DEMO_PASSWORD, e.recipientId, runId];
  if (killAt === null) args.push('drain');
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  let buffer = '';
  let drained = false;
  let timer: NodeJS.Timeout | null = null;
  const killIn = (ms: number) => (timer = setTimeout(() => child.kill('SIGKILL'), ms));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('queued ')) e.queued.add(line.slice('queued '.length));
      if (line === 'ready' && killAt) {
        e.readyRuns++;
        if (killAt && 'afterReadyMs' in killAt) killIn(killAt.afterReadyMs);
      }
      if (line === 'drained') drained = true;
    }
  });
  if (killAt && 'afterSpawnMs' in killAt) killIn(killAt.afterSpawnMs);
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : drained ? 'drained' : 'failed');
    });
  });
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-soak-'));
  const bundle = await bundleChild();
  const server = new ServerProcess(path.join(work, 'server'));
  await server.start();
  const front = await apiLogin(server.url, 'frontdesk@sunrise.example');
  const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
  const engines: EngineLoop[] = [
    {
      email: 'frontdesk@sunrise.example',
      dataDir: path.join(work, 'front'),
      recipientId: lee.user.id,
      kills: 0,
      queued: new Set(),
      readyRuns: 0,
    },
    {
      email: 'dr.lee@sunrise.example',
      dataDir: path.join(work, 'lee'),
      recipientId: front.user.id,
      kills: 0,
      queued: new Set(),
      readyRuns: 0,
    },
  ];
  for (const e of engines) fs.mkdirSync(e.dataDir, { recursive: true });
  // Each engine signs in and backfills once unkilled (a sign-in takes seconds of password hashing);
  // every later run restores the saved session, as the app does at each launch.
  for (const e of engines) {
    const first = await runChild(bundle, e, server.url, 'first', null);
    if (first !== 'drained') throw new Error(`${e.email}: the first run ended ${first}`);
  }
  const perEngine = Math.ceil(ENGINE_KILLS / engines.length);
  log(`engines: ${engines.length} x ${perEngine} kills; server: ${SERVER_KILLS} kills; work folder ${work}`);

  let serverRestarting: Promise<void> | null = null;
  const serverLoop = (async () => {
    while (server.kills < SERVER_KILLS && Date.now() - started < DEADLINE_MS) {
      // Spread the server kills over the engine kills still to come (about one per 10 engine kills).
      await sleep(randomMs(4000, 14000));
      serverRestarting = (async () => {
        await server.kill();
        await sleep(randomMs(0, 500));
        await server.start();
      })();
      await serverRestarting;
      serverRestarting = null;
      if (server.kills % 10 === 0) log(`server kills: ${server.kills}`);
    }
  })();

  const engineLoop = async (e: EngineLoop, index: number) => {
    let failures = 0;
    while (e.kills < perEngine && Date.now() - started < DEADLINE_MS) {
      if (serverRestarting) await serverRestarting;
      // A random moment: during start-up and cache open, mid-sync, mid-send or between sends.
      const killAt =
        Math.random() < STARTUP_KILL_SHARE
          ? { afterSpawnMs: randomMs(...STARTUP_WINDOW_MS) }
          : { afterReadyMs: randomMs(...RUNNING_WINDOW_MS) };
      const outcome = await runChild(bundle, e, server.url, `${index}.${e.kills}`, killAt);
      if (outcome === 'killed') e.kills++;
      else failures++;
      if (e.kills % 100 === 0 && outcome === 'killed') {
        log(`${e.email}: ${e.kills} kills (${e.readyRuns} after the session opened), ${e.queued.size} sends queued`);
      }
    }
    return failures;
  };
  const failures = await Promise.all(engines.map((e, i) => engineLoop(e, i)));
  await serverLoop;

  log('draining each engine once more with the server up');
  const results = [];
  for (const e of engines) {
    const outcome = await runChild(bundle, e, server.url, 'drain', null);
    results.push(await compare(e, server.url, outcome));
  }
  const totalKills = engines.reduce((n, e) => n + e.kills, 0);
  console.log('\nSoak results');
  console.log(`  engine SIGKILLs: ${totalKills} (${engines.map((e) => `${e.email} ${e.kills}`).join(', ')})`);
  console.log(`  of which after the session opened: ${engines.reduce((n, e) => n + e.readyRuns, 0)}`);
  console.log(`  server SIGKILLs: ${server.kills}`);
  console.log(`  children that exited otherwise: ${failures.reduce((a, b) => a + b, 0)}`);
  for (const r of results) console.log(`  ${r.email}: ${JSON.stringify(r.counts)}`);
  console.log(`  minutes: ${((Date.now() - started) / 60_000).toFixed(1)}`);
  await server.kill();
  fs.rmSync(work, { recursive: true, force: true });
  const ok = results.every(
    (r) =>
      r.counts.lost === 0 &&
      r.counts.duplicated === 0 &&
      r.counts.sendsLost === 0 &&
      r.counts.sendsDuplicated === 0 &&
      r.counts.integrity === 'ok' &&
      r.counts.searchIndex === 'ok' &&
      r.counts.drain === 'drained',
  );
  const enough = totalKills >= ENGINE_KILLS && server.kills >= SERVER_KILLS;
  console.log(ok && enough ? 'SOAK PASSED' : 'SOAK FAILED');
  process.exit(ok && enough ? 0 : 1);
}

async function compare(e: EngineLoop, serverUrl: string, drain: string) {
  const secrets = new JsonFileSecretStore(path.join(e.dataDir, 'secrets.json'));
  const session = JSON.parse(secrets.get('session') ?? '{}') as { serverUrl: string; user: { id: string } };
  const file = path.join(accountDir(e.dataDir, session.serverUrl, session.user.id), 'cache.db');
  const key = secrets.get(accountKeyName(session.serverUrl, session.user.id)) ?? '';
  const cache = await AccountCache.open(file, key, true, session.user.id);
  const peek = openReadOnly(file, key);
  try {
    const checks = await cache.writer.checkIntegrity();
    const cached = peek
      .prepare<[], { id: string }>('SELECT id FROM messages')
      .all()
      .map((r) => r.id);
    const view = await serverView(serverUrl, e.email);
    const cachedSet = new Set(cached);
    const serverIds = [...view.messages.keys()];
    const bySubject = new Map<string, number>();
    for (const m of view.messages.values()) bySubject.set(m.subject, (bySubject.get(m.subject) ?? 0) + 1);
    const queued = [...e.queued];
    return {
      email: e.email,
      counts: {
        serverMessages: serverIds.length,
        cachedMessages: cached.length,
        lost: serverIds.filter((id) => !cachedSet.has(id)).length,
        extra: cached.filter((id) => !view.messages.has(id)).length,
        duplicated: cached.length - cachedSet.size,
        sendsQueued: queued.length,
        sendsLost: queued.filter((s) => !bySubject.has(s)).length,
        sendsDuplicated: [...bySubject.entries()].filter(([s, n]) => s.startsWith('soak ') && n > 1).length,
        integrity: checks.integrity,
        searchIndex: checks.searchIndex,
        drain,
      },
    };
  } finally {
    peek.close();
    await cache.close();
  }
}

await main();
