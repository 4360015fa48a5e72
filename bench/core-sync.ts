// Benchmark: cold sync of the desktop engine against a practice server (in its own process)
// seeded in bulk: 100,000 messages end to end, the event loop's longest stall during a
// 10,000-message sync, peak RSS, and the rate of raw inserts of the same rows for comparison.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openEncrypted } from '../main/core/cache/driver.js';
import { migrate } from '../main/core/cache/migrations/index.js';
import { createEngine } from '../main/core/engine.js';
import { MemorySecretStore } from '../main/core/stores/json-file-secret-store.js';
import { DEMO_PASSWORD } from '../server/demo/accounts.js';
import { bulkMessage } from './core-fixtures.js';

export interface BenchRow {
  what: string;
  value: number;
  unit: string;
  target: string;
}

const SERVER_START = pathToFileURL(path.join(import.meta.dirname, '../server/start.ts')).href;
const FIXTURES = pathToFileURL(path.join(import.meta.dirname, 'core-fixtures.ts')).href;

/** Seeds and runs the server in its own process, so this process's memory is the engine's alone. */
async function startServerProcess(messages: number): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const code = `import { startPracticeServer } from '${SERVER_START}';
    import { seedServerDataDir } from '${FIXTURES}';
    const { dataDir } = await seedServerDataDir(${messages});
    const s = await startPracticeServer({ dataDir, port: 0, demo: true, logger: false });
    console.log('URL ' + s.url + ' DIR ' + dataDir);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url, dataDir] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /URL (\S+) DIR (\S+)/.exec(out);
      if (match?.[1] && match[2]) resolve([match[1], match[2]]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child, dataDir };
}

interface SyncRun {
  seconds: number;
  messages: number;
  longestStallMs: number;
  peakRssMb: number;
  walMb: number;
}

/** Size of the cache's write-ahead log: shows the background checkpointer keeps up. */
function walSizeMb(dataDir: string): number {
  const wal = fs
    .readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .find((name) => name.endsWith('cache.db-wal'));
  return wal ? fs.statSync(path.join(dataDir, wal)).size / 2 ** 20 : 0;
}

async function coldSync(serverUrl: string): Promise<SyncRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-core-engine-'));
  const engine = createEngine({
    dataDir,
    appInfo: { name: 'bench', version: '0', host: 'web' },
    defaultServerUrl: null,
    secrets: new MemorySecretStore(false),
    preferences: { load: () => ({}), save: () => {} },
    notifier: { notify: () => {} },
  });
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const done = new Promise<number>((resolve) =>
    engine.subscribe((event, payload) => {
      if (event === 'syncStatus' && 'initialSyncDone' in payload && payload.initialSyncDone) {
        resolve(payload.syncedMessages);
      }
    }),
  );
  const started = performance.now();
  delay.enable();
  await engine.handlers.signIn({ serverUrl, email: 'frontdesk@sunrise.example', password: DEMO_PASSWORD });
  const messages = await done;
  const seconds = (performance.now() - started) / 1000;
  delay.disable();
  clearInterval(rssTimer);
  const walMb = walSizeMb(dataDir);
  await engine.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    seconds,
    messages,
    longestStallMs: delay.max / 1e6,
    peakRssMb: peakRss / 2 ** 20,
    walMb,
  };
}

/** The same rows inserted straight into a fresh cache with the same schema, one transaction. */
async function rawInsertRate(count: number): Promise<number> {
  const lee = { id: 'lee', name: 'Dr. Lee' };
  const messages = Array.from({ length: count }, (_, i) => bulkMessage(i, 'p1', lee, { id: 'me', name: 'Me' }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-core-raw-'));
  // The reference: one plain connection of the same driver, key and schema, no engine around it.
  const db = openEncrypted(path.join(dir, 'cache.db'), 'ab'.repeat(32));
  migrate(db);
  const insertMessage = db.prepare(
    // The same columns the engine writes; the search index is filled after sync in both cases.
    `INSERT INTO messages (id, client_id, practice_id, thread_id, source, sender_id, sender_name, subject, body,
       patient_name, recipient_names, has_attachments, sent_at, incoming, outgoing, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, 0, ?)`,
  );
  const insertState = db.prepare(
    `INSERT INTO mailbox_state (message_rowid, practice_id, source, incoming, outgoing, sent_at, read, flagged, archived)
     VALUES (?, ?, ?, 1, 0, ?, 0, 0, 0)`,
  );
  const started = performance.now();
  db.transaction(() => {
    for (const m of messages) {
      const rowid = insertMessage.run(
        m.id,
        m.clientId,
        m.practiceId,
        m.threadId,
        m.source,
        m.sender.id,
        m.sender.name,
        m.subject,
        m.body,
        m.patient?.name ?? null,
        '[]',
        m.sentAt,
        JSON.stringify(m),
      ).lastInsertRowid;
      insertState.run(rowid, m.practiceId, m.source, m.sentAt);
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return messages.length / seconds;
}

async function syncScenario(count: number) {
  const server = await startServerProcess(count);
  try {
    return await coldSync(server.url);
  } finally {
    server.child.kill('SIGTERM');
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

export async function benchCoreSync(): Promise<BenchRow[]> {
  const small = await syncScenario(10_000);
  const big = await syncScenario(100_000);
  const rawRate = await rawInsertRate(100_000);
  const syncRate = big.messages / big.seconds;
  return [
    {
      what: 'longest event-loop stall, 10k-message cold sync',
      value: small.longestStallMs,
      unit: 'ms',
      target: 'small (few ms)',
    },
    { what: 'cold sync 10k messages', value: small.seconds, unit: 's', target: '-' },
    { what: 'cold sync 100k messages', value: big.seconds, unit: 's', target: '<= 5' },
    { what: 'messages synced (100k run)', value: big.messages, unit: 'msgs', target: '>= 100000' },
    { what: 'sync rate', value: syncRate, unit: 'msg/s', target: '-' },
    { what: 'raw insert rate, same rows, same schema', value: rawRate, unit: 'msg/s', target: '-' },
    { what: 'sync rate / raw insert rate', value: syncRate / rawRate, unit: 'x', target: '>= 0.3' },
    { what: 'longest event-loop stall, 100k sync', value: big.longestStallMs, unit: 'ms', target: '-' },
    { what: 'peak RSS during 100k sync (engine process)', value: big.peakRssMb, unit: 'MB', target: '<= 300' },
    { what: 'cache WAL file at end of 100k sync', value: big.walMb, unit: 'MB', target: '-' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchCoreSync();
  console.table(rows.map((r) => ({ ...r, value: Number(r.value.toFixed(r.value < 10 ? 2 : 0)) })));
}
