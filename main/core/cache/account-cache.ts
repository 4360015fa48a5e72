// One account's cache (server URL + user id): checked at open, written by the writer thread
// (CacheWriter), read on this thread (CacheReader). Nothing outside cache/ sees a database handle.
import { CacheReader } from './cache-reader.js';
import { openReadOnly, type Db } from './driver.js';
import { checkBeforeOpen, type CacheRecovery } from './open-cache.js';
import { startWriter, type CacheWriter, type RunningWriter, type WriterSupervision } from './writer/writer-client.js';

export type { CacheWriter } from './writer/writer-client.js';
export type { CacheRecovery } from './open-cache.js';
export { WriteInterrupted } from './writer/protocol.js';

export class AccountCache {
  readonly reader: CacheReader;

  private constructor(
    private readonly db: Db,
    private readonly running: RunningWriter,
    readonly userId: string,
    readonly recovered: CacheRecovery | null,
  ) {
    this.reader = new CacheReader(db, userId);
  }

  get writer(): CacheWriter {
    return this.running.writer;
  }

  /**
   * Checks the file (off the event loop; a broken or undecryptable one is moved aside), starts the
   * writer thread (which creates and migrates it, and is restarted if it dies), then opens this thread's
   * read-only connection.
   */
  static async open(
    file: string,
    keyHex: string,
    keyWasKnown: boolean,
    userId: string,
    supervision: WriterSupervision = {},
  ): Promise<AccountCache> {
    const recovered = await checkBeforeOpen(file, keyHex, keyWasKnown);
    const running = await startWriter({ file, keyHex, userId }, supervision);
    let db: Db;
    try {
      db = openReadOnly(file, keyHex);
    } catch (error) {
      await running.close();
      throw error;
    }
    return new AccountCache(db, running, userId, recovered);
  }

  /** Closes the read connection at once; settles when the writer has committed what it was given and exited. */
  close(): Promise<void> {
    if (this.db.open) this.db.close();
    return this.running.close();
  }
}
