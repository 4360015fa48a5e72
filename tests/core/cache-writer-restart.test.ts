// The cache writer thread dying under a real encrypted cache: calls it never answered are refused with a
// clear error (never left waiting), later calls go to a restarted thread, a page is stored whole or not at
// all, and past 3 restarts in a minute the cache is reported broken and every write is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { MAX_RESTARTS } from '../../main/core/cache/writer/writer-client.js';
import { countRows, openTestCache, pageText, type TestCache } from './support/cache-fixture.js';
import { KEY, ME, message, messageChange, P1 } from './support/synthetic.js';
import { catchWriterThreads, type WriterThreads } from './support/writer-threads.js';

let threads: WriterThreads;
beforeEach(() => {
  threads = catchWriterThreads();
});
afterEach(() => {
  threads.release();
});

const interrupted = { code: 'cache_interrupted', message: expect.stringMatching(/restarted before this was saved/) };

describe('a writer thread that dies', () => {
  let t: TestCache;
  beforeEach(async () => {
    t = await openTestCache('core-writer-restart-');
    await t.cache.writer.replacePractices([{ id: P1, name: 'Sunrise' }]);
  });
  afterEach(async () => {
    await t.close();
  });

  it('refuses the calls it never answered, restarts, and keeps each page whole', async () => {
    const big = Array.from({ length: 3000 }, () => messageChange(message()));
    const first = t.store(big, 'c-big');
    const second = t.store([messageChange(message())], 'c-second');
    await threads.kill();
    await expect(first).rejects.toMatchObject(interrupted);
    await expect(second).rejects.toMatchObject(interrupted);

    const after = message({ subject: 'After the restart' });
    await t.store([messageChange(after)], 'c-after');
    expect(threads.started).toHaveLength(2);
    expect(t.cache.reader.syncCursor()).toBe('c-after');
    // The interrupted page is all there or not there at all; the one after it is.
    expect([1, 3001, 3002]).toContain(countRows(t.peek(), 'messages'));
    expect(t.peek().prepare('SELECT subject FROM messages WHERE id = ?').get(after.id)).toEqual({
      subject: 'After the restart',
    });
    expect(t.peek().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('queues calls made while it restarts, in order, instead of failing them', async () => {
    await threads.kill();
    const pages = ['c1', 'c2', 'c3'].map((cursor) => t.store([messageChange(message())], cursor));
    await Promise.all(pages);
    expect(t.cache.reader.syncCursor()).toBe('c3');
    expect(countRows(t.peek(), 'messages')).toBe(3);
  });
});

describe('a writer thread that keeps dying', () => {
  it(`is restarted ${MAX_RESTARTS} times in a minute, then the cache is broken: writes refused, reads still work`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-writer-broken-'));
    let brokenReports = 0;
    const cache = await AccountCache.open(path.join(dir, 'cache.db'), KEY, true, ME.id, {
      onBroken: () => brokenReports++,
    });
    try {
      await cache.writer.storeSyncPages([pageText([messageChange(message())], 'c0')], true);
      for (let restart = 1; restart <= MAX_RESTARTS; restart++) {
        await threads.kill();
        await cache.writer.storeSyncPages([pageText([messageChange(message())], `c${restart}`)], true);
        expect(threads.started).toHaveLength(restart + 1);
      }
      expect(brokenReports).toBe(0);

      await threads.kill();
      const broken = { code: 'cache_broken', message: expect.stringMatching(/stopped working/) };
      await expect(cache.writer.storeSyncPages([pageText([], 'c-never')], true)).rejects.toMatchObject(broken);
      await expect(cache.writer.replacePractices([])).rejects.toMatchObject(broken);
      expect(brokenReports).toBe(1);
      expect(threads.started).toHaveLength(MAX_RESTARTS + 1);
      expect(cache.reader.syncCursor()).toBe(`c${MAX_RESTARTS}`);
    } finally {
      await cache.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
