// A real account cache in a temporary folder for cache tests: the engine's own AccountCache
// (writer thread + read connection), a helper to store a /sync page as the server would send it,
// and a separate read-only connection to look at the file's tables the way no engine code can.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Change } from '../../../common/http/index.js';
import { AccountCache } from '../../../main/core/cache/account-cache.js';
import { openReadOnly, type Db } from '../../../main/core/cache/driver.js';
import { KEY, ME } from './synthetic.js';

export interface TestCache {
  dir: string;
  file: string;
  cache: AccountCache;
  /** Stores one page (as the server's JSON) with its cursor; `more` false ends the backfill. */
  store(changes: Change[], cursor: string, more?: boolean): ReturnType<AccountCache['writer']['storeSyncPages']>;
  /** A read-only connection of the test's own, opened on first use. */
  peek(): Db;
  close(): Promise<void>;
}

export const pageText = (changes: Change[], cursor: string, more = true) => JSON.stringify({ changes, cursor, more });

export async function openTestCache(prefix = 'core-cache-'): Promise<TestCache> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'cache.db');
  const cache = await AccountCache.open(file, KEY, true, ME.id);
  let peekDb: Db | null = null;
  return {
    dir,
    file,
    cache,
    store: (changes, cursor, more = true) => cache.writer.storeSyncPages([pageText(changes, cursor, more)], true),
    peek: () => (peekDb ??= openReadOnly(file, KEY)),
    async close() {
      peekDb?.close();
      await cache.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const countRows = (db: Db, table: string): number =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
