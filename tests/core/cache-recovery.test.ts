// A cache that cannot be decrypted, fails integrity_check, or whose key was lost is moved aside
// (kept) and replaced by a fresh one, whether checked on this thread or (as the engine does) in a worker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { KEY, ME, message, messageChange } from './support/synthetic.js';

let dir: string;
const file = () => path.join(dir, 'cache.db');

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-recover-'));
  const cache = AccountCache.open(file(), KEY, true, ME.id);
  cache.pages.store(
    Array.from({ length: 200 }, () => messageChange(message({ body: 'x'.repeat(2000) }))),
    'c',
  );
  cache.db.pragma('wal_checkpoint(TRUNCATE)');
  await cache.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const messageCount = (c: AccountCache) =>
  c.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()?.n;

it('reopens a healthy cache as it was', async () => {
  const cache = AccountCache.open(file(), KEY, true, ME.id);
  expect(cache.recovered).toBeNull();
  expect(messageCount(cache)).toBe(200);
  await cache.close();
});

it('moves aside a cache that the key cannot decrypt', async () => {
  const before = fs.readFileSync(file());
  const cache = AccountCache.open(file(), 'cd'.repeat(32), true, ME.id);
  expect(cache.recovered?.reason).toBe('undecryptable');
  expect(messageCount(cache)).toBe(0);
  expect(fs.readFileSync(cache.recovered?.movedTo ?? '')).toEqual(before);
  await cache.close();
});

it('moves aside a cache whose pages were damaged', async () => {
  const fd = fs.openSync(file(), 'r+');
  const size = fs.fstatSync(fd).size;
  fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
  fs.closeSync(fd);
  const cache = AccountCache.open(file(), KEY, true, ME.id);
  expect(cache.recovered?.reason).toBe('integrity_check_failed');
  expect(fs.existsSync(cache.recovered?.movedTo ?? '')).toBe(true);
  expect(messageCount(cache)).toBe(0);
  await cache.close();
});

it('moves aside a cache whose key was not kept (secrets held in memory only)', async () => {
  const cache = AccountCache.open(file(), 'ef'.repeat(32), false, ME.id);
  expect(cache.recovered?.reason).toBe('key_unavailable');
  expect(messageCount(cache)).toBe(0);
  await cache.close();
});

describe('checked in a worker thread (how the engine opens a cache)', () => {
  const open = (key: string, known = true) => AccountCache.openChecked(file(), key, known, ME.id);

  it('reopens a healthy cache as it was, with the event loop free during the check', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const cache = await open(KEY);
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(cache.recovered).toBeNull();
    expect(messageCount(cache)).toBe(200);
    await cache.close();
  });

  it('moves aside a cache that the key cannot decrypt', async () => {
    const cache = await open('cd'.repeat(32));
    expect(cache.recovered?.reason).toBe('undecryptable');
    expect(messageCount(cache)).toBe(0);
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
    expect(messageCount(cache)).toBe(0);
    await cache.close();
  });

  it('moves aside a cache whose key was not kept', async () => {
    const cache = await open('ef'.repeat(32), false);
    expect(cache.recovered?.reason).toBe('key_unavailable');
    await cache.close();
  });
});
