// Pulls /sync page by page; each page is stored with its cursor in one transaction, and the event
// loop gets a turn between pages. Calls that arrive during a pull are folded into one more pass.
import type { AccountCache } from '../cache/account-cache.js';
import { CURSOR_KEY, type StoredPage } from '../cache/sync-page-writer.js';
import type { ServerClient } from './server-client.js';

export const INITIAL_SYNC_KEY = 'initialSyncDone';

export interface PullerDeps {
  cache: AccountCache;
  client: ServerClient;
  /** Page size once caught up; the backfill asks for the largest page (fewer commits). */
  pageSize: number;
  backfillPageSize: number;
  /** After each stored page; `initialSyncDone` is the flag as it was before this page. */
  onPage(page: StoredPage, initialSyncDone: boolean): void;
}

export class SyncPuller {
  private running: Promise<void> | null = null;
  private again = false;
  /** Timings for diagnostics and benchmarks (ms): longest page store, totals of fetching and storing. */
  readonly timings = { longestStoreMs: 0, fetchMs: 0, storeMs: 0 };

  constructor(private readonly deps: PullerDeps) {}

  get initialSyncDone(): boolean {
    return this.deps.cache.kv.get(INITIAL_SYNC_KEY) === '1';
  }

  /** Pulls until caught up. Rejects with the network/server error that stopped it. */
  pull(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.pullUntilCaughtUp();
    } while (this.again);
  }

  private async pullUntilCaughtUp(): Promise<void> {
    const { cache } = this.deps;
    let next = this.fetch(cache.kv.get(CURSOR_KEY));
    for (;;) {
      const response = await next;
      if (!cache.db.open) return;
      // Fetch the next page while this one is stored; its cursor is the one about to be committed.
      if (response.more) {
        next = this.fetch(response.cursor);
        next.catch(() => undefined);
      }
      const initialDone = this.initialSyncDone;
      const started = performance.now();
      const page = cache.pages.store(response.changes, response.cursor);
      if (!response.more && !initialDone) cache.kv.set(INITIAL_SYNC_KEY, '1');
      const storeMs = performance.now() - started;
      this.timings.longestStoreMs = Math.max(this.timings.longestStoreMs, storeMs);
      this.timings.storeMs += storeMs;
      this.deps.onPage(page, initialDone);
      // Give timers, IPC and the UI a turn before the next page.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!response.more) return;
    }
  }

  private async fetch(after: string | null) {
    const started = performance.now();
    const size = this.initialSyncDone ? this.deps.pageSize : this.deps.backfillPageSize;
    const response = await this.deps.client.sync(after, size);
    this.timings.fetchMs += performance.now() - started;
    return response;
  }
}
