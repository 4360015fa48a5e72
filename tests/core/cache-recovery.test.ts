// A cache that cannot be decrypted, fails integrity_check, or whose key was lost is moved aside
// (kept) and replaced by a fresh one. The check runs in a worker thread: the event loop stays free.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { pageText } from './support/cache-fixture.js';
import { KEY, ME, message, messageChange } from './support/synthetic.js';

let dir: string;
const file = () => path.join(dir, 'cache.db');
const open = (key: string, known = true) => AccountCache.open(file(), key, known, ME.id);

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-recover-'));
  const cache = await open(KEY);
  const changes = Array.from({ length: 200 }, () => messageChange(message({ body: 'x'.repeat(2000) })));
  await cache.writer.storeSyncPages([pageText(changes, 'c')], true);
  // Closing the last connection checkpoints the WAL into the file, so damage below hits real pages.
  await cache.close();
  expect(fs.existsSync(`${file()}-wal`)).toBe(false);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('reopens a healthy cache as it was, with the event loop free during the check', async () => {
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  const cache = await open(KEY);
  clearInterval(ticker);
  expect(turns).toBeGreaterThan(0);
  expect(cache.recovered).toBeNull();
  expect(cache.reader.messageCount()).toBe(200);
  await cache.close();
});

it('moves aside a cache that the key cannot decrypt', async () => {
  const before = fs.readFileSync(file());
  const cache = await open('cd'.repeat(32));
  expect(cache.recovered?.reason).toBe('undecryptable');
  expect(cache.reader.messageCount()).toBe(0);
  expect(fs.readFileSync(cache.recovered?.movedTo ?? '')).toEqual(before);
  await cache.close();
});

it('moves aside a cache whose pages were damaged', async () => {
  const fd = fs.openSync(file(), 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
  const cache = await open(KEY);
  expect(cache.recovered?.reason).toBe('integrity_check_failed');
  expect(fs.existsSync(cache.recovered?.movedTo ?? '')).toBe(true);
  expect(cache.reader.messageCount()).toBe(0);
  await cache.close();
});

it('moves aside a cache whose key was not kept (secrets held in memory only), and closes twice safely', async () => {
  const cache = await open('ef'.repeat(32), false);
  expect(cache.recovered?.reason).toBe('key_unavailable');
  expect(cache.reader.messageCount()).toBe(0);
  await cache.close();
  await cache.close();
});
