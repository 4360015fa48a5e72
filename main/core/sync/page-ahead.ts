// Fetches /sync pages ahead of the writer, a bounded number at a time, so that the writer can
// store every page already fetched in one transaction (fewer commits during the backfill).

/** What the read-ahead needs of a page: where the next one starts, and its size. */
export interface AheadPage {
  cursor: string;
  more: boolean;
  changeCount: number;
}

export class PageAhead<T extends AheadPage> {
  private readonly fetched: T[] = [];
  private finished = false;
  private failure: { error: unknown } | null = null;
  private wakeTaker: (() => void) | null = null;
  private wakeFetcher: (() => void) | null = null;
  private stopped = false;

  /** Starts fetching after `cursor`; at most `maxAhead` pages wait to be taken. */
  constructor(
    private readonly fetch: (after: string | null) => Promise<T>,
    cursor: string | null,
    private readonly maxAhead: number,
  ) {
    void this.run(cursor);
  }

  /**
   * Waits for at least one page, then takes every fetched page (up to `maxChanges` changes, at
   * least one page) in feed order. Null once the feed is exhausted; throws the fetch error after
   * the pages fetched before it were taken.
   */
  async take(maxChanges: number): Promise<T[] | null> {
    while (this.fetched.length === 0) {
      if (this.failure) throw this.failure.error;
      if (this.finished) return null;
      await new Promise<void>((resolve) => (this.wakeTaker = resolve));
    }
    const pages: T[] = [];
    let changes = 0;
    for (const page of this.fetched) {
      if (pages.length > 0 && changes + page.changeCount > maxChanges) break;
      pages.push(page);
      changes += page.changeCount;
    }
    this.fetched.splice(0, pages.length);
    this.wake('fetcher');
    return pages;
  }

  /** Stops fetching further pages (the writer is done or the cache closed). */
  stop(): void {
    this.stopped = true;
    this.wake('fetcher');
  }

  private async run(cursor: string | null): Promise<void> {
    let after = cursor;
    try {
      while (!this.stopped) {
        if (this.fetched.length >= this.maxAhead) {
          await new Promise<void>((resolve) => (this.wakeFetcher = resolve));
          continue;
        }
        const page = await this.fetch(after);
        this.fetched.push(page);
        this.wake('taker');
        if (!page.more) break;
        after = page.cursor;
      }
    } catch (error) {
      this.failure = { error };
    }
    this.finished = true;
    this.wake('taker');
  }

  private wake(who: 'taker' | 'fetcher'): void {
    const resolve = who === 'taker' ? this.wakeTaker : this.wakeFetcher;
    if (who === 'taker') this.wakeTaker = null;
    else this.wakeFetcher = null;
    resolve?.();
  }
}
