// One account's cache (server URL + user id): the open database and the stores over it.
import { startCheckpointer, type Checkpointer, type Db } from './driver.js';
import { FtsIndexer } from './fts-indexer.js';
import { KeyValues } from './kv.js';
import { MessageQueries } from './message-queries.js';
import { MessageWriter } from './message-writer.js';
import { openCache, openCacheChecked, type CacheRecovery, type OpenedCache } from './open-cache.js';
import { OutboxStore } from './outbox-store.js';
import { PracticeStore } from './practice-store.js';
import { RecordStore } from './record-store.js';
import { SyncPageWriter } from './sync-page-writer.js';

export class AccountCache {
  readonly kv: KeyValues;
  readonly practices: PracticeStore;
  readonly writer: MessageWriter;
  readonly queries: MessageQueries;
  readonly outbox: OutboxStore;
  readonly records: RecordStore;
  readonly pages: SyncPageWriter;
  readonly fts: FtsIndexer;

  private checkpointer: Checkpointer | null = null;

  private constructor(
    readonly db: Db,
    readonly userId: string,
    readonly recovered: CacheRecovery | null,
  ) {
    this.kv = new KeyValues(db);
    this.practices = new PracticeStore(db);
    this.writer = new MessageWriter(db, userId);
    this.queries = new MessageQueries(db, this.practices);
    this.outbox = new OutboxStore(db);
    this.records = new RecordStore(db);
    this.pages = new SyncPageWriter(db, userId, this.writer, this.practices, this.kv);
    this.fts = new FtsIndexer(db);
  }

  /** Opens with the integrity check on this thread (tests, benchmarks). */
  static open(file: string, keyHex: string, keyWasKnown: boolean, userId: string): AccountCache {
    return AccountCache.wrap(openCache(file, keyHex, keyWasKnown), keyHex, userId);
  }

  /** Opens with the integrity check in a worker thread: the event loop stays free meanwhile. */
  static async openChecked(file: string, keyHex: string, keyWasKnown: boolean, userId: string): Promise<AccountCache> {
    return AccountCache.wrap(await openCacheChecked(file, keyHex, keyWasKnown), keyHex, userId);
  }

  private static wrap({ db, recovered }: OpenedCache, keyHex: string, userId: string): AccountCache {
    const cache = new AccountCache(db, userId, recovered);
    cache.checkpointer = startCheckpointer(db, keyHex);
    return cache;
  }

  /** Runs `fn` in one transaction (local state and its outbox row commit together). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Closes the database at once; the promise settles when the checkpoint worker is gone too. */
  close(): Promise<void> {
    const worker = this.checkpointer?.stop() ?? Promise.resolve();
    this.checkpointer = null;
    if (this.db.open) this.db.close();
    return worker;
  }
}
