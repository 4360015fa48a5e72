// Pulls /sync page by page: this thread fetches ahead while the cache writer thread checks and
// stores the pages already fetched, each batch with its cursor in one transaction. Calls that
// arrive during a pull are folded into one more pass (the shared Throttler).
import type { AccountCache } from '../cache/account-cache.js';
import type { StoredPageSummary } from '../cache/writer/write-ops.js';
import { Throttler } from '../async/throttler.js';
import { PageAhead } from './page-ahead.js';
import type { FetchedSyncPage } from './parse-sync-page.js';
import type { ServerClient } from './server-client.js';

/**
 * A commit rewrites every index page it touched, and the random-id index is touched all over by
 * each page: storing the pages already fetched (at most 2) in one commit writes less per message.
 */
const PAGES_PER_COMMIT = 2;
const MAX_CHANGES_PER_COMMIT = 2000;

export interface PullerDeps {
  cache: AccountCache;
  client: ServerClient;
  /** Page size once caught up; the backfill asks for the largest page (fewer commits). */
  pageSize: number;
  backfillPageSize: number;
  /** After each stored batch; `initialSyncDone` is the flag as it was before this batch. */
  onPage(page: StoredPageSummary, initialSyncDone: boolean): void;
}

export class SyncPuller {
  private readonly throttler = new Throttler();

  constructor(private readonly deps: PullerDeps) {}

  get initialSyncDone(): boolean {
    return this.deps.cache.reader.initialSyncDone();
  }

  /** Pulls until caught up. Rejects with the network/server error that stopped it. */
  pull(): Promise<void> {
    return this.throttler.queue(() => this.pullUntilCaughtUp());
  }

  private async pullUntilCaughtUp(): Promise<void> {
    const { cache } = this.deps;
    // Pages are fetched while earlier ones are stored; all pages already fetched are stored in one
    // transaction with the last one's cursor, so a kill still keeps each page with its cursor.
    const ahead = new PageAhead((after) => this.fetch(after), cache.reader.syncCursor(), PAGES_PER_COMMIT);
    try {
      for (;;) {
        const pages = await ahead.take(MAX_CHANGES_PER_COMMIT);
        if (!pages || !cache.reader.isOpen) return;
        const initialDone = this.initialSyncDone;
        const page = await cache.writer.storeSyncPages(
          pages.map((p) => p.text),
          initialDone,
        );
        this.deps.onPage(page, initialDone);
        if (!(pages[pages.length - 1] as FetchedSyncPage).more) return;
      }
    } finally {
      ahead.stop();
    }
  }

  private fetch(after: string | null): Promise<FetchedSyncPage> {
    const size = this.initialSyncDone ? this.deps.pageSize : this.deps.backfillPageSize;
    return this.deps.client.syncPage(after, size);
  }
}
