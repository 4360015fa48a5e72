// Benchmark: cold sync of the desktop engine against a practice server (in its own process) seeded
// in bulk: 100,000 messages end to end, the rate against raw inserts of the same rows in the same run,
// peak RSS of the engine's process (its writer thread included), and the longest stall of the main
// thread's event loop (measured there while the writer thread stores pages) during 10k and 100k syncs.
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
import { bulkMessage, startServerProcess } from './core-fixtures.js';
import { atLeast, atMost, report, type Figure } from './report.js';

interface SyncRun {
  /** The longest event-loop delay over 3 s with nothing running: this machine's noise floor right now. */
  idleStallMs: number;
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
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  idle.disable();
  let peakRss = process.memoryUsage().rss;
  const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
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
    idleStallMs: idle.max / 1e6,
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

export async function benchCoreSync(): Promise<Figure[]> {
  const small = await syncScenario(10_000);
  const big = await syncScenario(100_000);
  const rawRate = await rawInsertRate(100_000);
  const syncRate = big.messages / big.seconds;
  return [
    { name: 'cold sync 100k messages', value: big.seconds, unit: 's', target: atMost(4) },
    { name: 'messages synced (100k run)', value: big.messages, unit: 'msgs', target: atLeast(100_000) },
    { name: 'sync rate', value: syncRate, unit: 'msg/s' },
    { name: 'raw insert rate, same rows, same schema, same run', value: rawRate, unit: 'msg/s' },
    { name: 'sync rate / raw insert rate', value: syncRate / rawRate, unit: 'x', target: atLeast(0.6) },
    { name: 'longest main-thread stall, 100k sync', value: big.longestStallMs, unit: 'ms', target: atMost(16) },
    { name: 'longest main-thread stall, 10k sync', value: small.longestStallMs, unit: 'ms', target: atMost(16) },
    { name: 'longest event-loop delay, 3 s idle before the 100k sync', value: big.idleStallMs, unit: 'ms' },
    { name: 'cold sync 10k messages', value: small.seconds, unit: 's' },
    { name: 'peak RSS during 100k sync (engine process)', value: big.peakRssMb, unit: 'MB', target: atMost(300) },
    { name: 'cache WAL file at end of 100k sync', value: big.walMb, unit: 'MB' },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  report('core-sync', await benchCoreSync());
}
