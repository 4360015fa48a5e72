// Benchmark: reads the UI makes from a desktop cache holding 100,000 messages: an inbox page
// (first and deep, by keyset cursor), the unread count, and full-text search; plus how long the
// search index takes to catch up after a backfill; and how the engine's reopening of that cache
// (integrity check in a worker) leaves the event loop free.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Change } from '../common/http/index.js';
import { AccountCache } from '../main/core/cache/account-cache.js';
import { bulkMessage } from './core-fixtures.js';
import { atMost, percentile, report, type Figure } from './report.js';

const COUNT = 100_000;
const ME = { id: 'me', name: 'Frances Delgado' };
const LEE = { id: 'lee', name: 'Dr. Daniel Lee' };

const p95 = (samples: number[]) => percentile(samples, 95);

function time(runs: number, fn: (i: number) => void): number[] {
  for (let i = 0; i < 20; i++) fn(i); // warm up statements and pages
  return Array.from({ length: runs }, (_, i) => {
    const started = performance.now();
    fn(i);
    return performance.now() - started;
  });
}

async function fill(cache: AccountCache): Promise<void> {
  for (let start = 0; start < COUNT; start += 1000) {
    const changes: Change[] = [];
    for (let i = start; i < Math.min(COUNT, start + 1000); i++) {
      const mine = i % 7 === 0;
      const message = bulkMessage(i, 'p1', mine ? ME : LEE, mine ? LEE : ME);
      const state = {
        messageId: message.id,
        read: mine || i % 10 !== 0,
        flagged: i % 33 === 0,
        archived: i % 20 === 0,
      };
      changes.push({ kind: 'message', practiceId: 'p1', message, state });
    }
    await cache.writer.storeSyncPages([JSON.stringify({ changes, cursor: `c${start}`, more: true })], false);
  }
}

export async function benchCoreCache(): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-core-cache-'));
  const file = path.join(dir, 'cache.db');
  let cache = await AccountCache.open(file, 'ab'.repeat(32), true, ME.id);
  try {
    await cache.writer.replacePractices([{ id: 'p1', name: 'Sunrise' }]);
    await fill(cache);
    // Indexing runs in the writer thread: what this thread feels of it is the event loop's delay.
    const indexDelay = monitorEventLoopDelay({ resolution: 1 });
    indexDelay.enable();
    let started = performance.now();
    await cache.writer.indexForSearch();
    const indexSeconds = (performance.now() - started) / 1000;
    indexDelay.disable();

    const q = cache.reader;
    const first = time(300, () => q.listFolder('p1', 'inbox', null, 50));
    let cursor: string | null = null;
    for (let page = 0; page < 1000 && (page === 0 || cursor); page++) {
      cursor = q.listFolder('p1', 'inbox', cursor, 50).nextCursor;
    }
    const deepCursor = cursor;
    const deep = time(300, () => q.listFolder('p1', 'inbox', deepCursor, 50));
    const unread = time(300, () => q.unreadCounts(['p1']));
    const terms = ['refill', 'lisinopril', 'ruiz', 'cardio', 'blood pressure', 'prior authorization', 'zzzz', 'x-ray'];
    const search = time(200, (i) => q.search('p1', terms[i % terms.length] ?? 'refill', 50));
    started = performance.now();
    const checked = (await cache.writer.checkIntegrity()).integrity;
    const integritySeconds = (performance.now() - started) / 1000;
    await cache.close();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    started = performance.now();
    cache = await AccountCache.open(file, 'ab'.repeat(32), true, ME.id);
    const reopenSeconds = (performance.now() - started) / 1000;
    delay.disable();
    return [
      { name: 'inbox page (50 rows), first page, p95', value: p95(first), unit: 'ms', target: atMost(2) },
      { name: 'inbox page (50 rows), page ~1000 by cursor, p95', value: p95(deep), unit: 'ms', target: atMost(2) },
      { name: 'unread count, p95', value: p95(unread), unit: 'ms', target: atMost(1) },
      { name: 'full-text search (50 hits), p95', value: p95(search), unit: 'ms', target: atMost(20) },
      { name: 'search index catch-up after 100k backfill (writer thread)', value: indexSeconds, unit: 's' },
      {
        name: 'longest main-thread stall while the writer thread indexes',
        value: indexDelay.max / 1e6,
        unit: 'ms',
        target: atMost(16),
      },
      { name: `integrity_check, 100k (${String(checked)})`, value: integritySeconds, unit: 's' },
      { name: 'engine reopen of the 100k cache (checked in a worker)', value: reopenSeconds, unit: 's' },
      { name: 'longest main-thread stall during that reopen', value: delay.max / 1e6, unit: 'ms', target: atMost(16) },
    ];
  } finally {
    await cache.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  report('core-cache', await benchCoreCache());
}
