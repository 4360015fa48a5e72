// Pulls /sync page by page; each page is stored with its cursor in one transaction, and the event
// loop gets a turn between pages. Calls that arrive during a pull are folded into one more pass.
import type { AccountCache } from '../cache/account-cache.js';
import { CURSOR_KEY, type StoredPage } from '../cache/sync-page-writer.js';
import type { SyncResponse } from '../../../common/http/index.js';
import { PageAhead } from './page-ahead.js';
import type { ServerClient } from './server-client.js';

export const INITIAL_SYNC_KEY = 'initialSyncDone';

/**
 * A commit rewrites every index page it touched, and the random-id index is touched all over by
 * each page: storing the pages already fetched (at most 2) in one commit writes less per message.
 * More pages ahead raised the peak RSS of a 100k sync near its 300 MB budget and lengthened the
 * longest event-loop block.
 */
const PAGES_PER_COMMIT = 2;
const MAX_CHANGES_PER_COMMIT = 2000;

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
  /**
   * Timings for diagnostics and benchmarks (ms): longest page store, totals of fetching, storing
   * and of the writer waiting for a fetched page (fetches overlap stores).
   */
  readonly timings = { longestStoreMs: 0, fetchMs: 0, storeMs: 0, waitMs: 0 };

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
    // Pages are fetched while earlier ones are stored; all pages already fetched are stored in one
    // transaction with the last one's cursor, so a kill still keeps each page with its cursor.
    const ahead = new PageAhead((after) => this.fetch(after), cache.kv.get(CURSOR_KEY), PAGES_PER_COMMIT);
    try {
      for (;;) {
        const waitStarted = performance.now();
        const pages = await ahead.take(MAX_CHANGES_PER_COMMIT);
        this.timings.waitMs += performance.now() - waitStarted;
        if (!pages || !cache.db.open) return;
        const last = pages[pages.length - 1] as SyncResponse;
        const changes = pages.length === 1 ? last.changes : pages.flatMap((p) => p.changes);
        const initialDone = this.initialSyncDone;
        const started = performance.now();
        const page = cache.pages.store(changes, last.cursor);
        if (!last.more && !initialDone) cache.kv.set(INITIAL_SYNC_KEY, '1');
        const storeMs = performance.now() - started;
        this.timings.longestStoreMs = Math.max(this.timings.longestStoreMs, storeMs);
        this.timings.storeMs += storeMs;
        this.deps.onPage(page, initialDone);
        // Give timers, IPC and the UI a turn before the next page.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!last.more) return;
      }
    } finally {
      ahead.stop();
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
