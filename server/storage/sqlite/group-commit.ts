// Group commit on SQLite's one write connection (in the writer thread): writes that arrive together
// run one after another in one transaction, each in its own savepoint, and share its COMMIT and
// fsync; each caller is answered, and its changes announced, only once that COMMIT is done.

/** What a write reports for announcing after the commit. */
export interface CommittedChanges {
  /** Per staff id: the newest feed seq written for them. */
  grown: Map<string, number>;
  alerts: boolean;
}

export type GroupWork<T> = (changes: CommittedChanges) => Promise<T>;

interface Queued {
  work: GroupWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private queue: Queued[] = [];
  private draining = false;

  constructor(
    /** Runs transaction control on the write connection, straight on the driver (no query builder). */
    private readonly exec: (statement: string) => void,
    private readonly announce: (changes: CommittedChanges) => void,
    /** Tests: hold each transaction open this long before its COMMIT (0: commit at once). */
    private readonly delayMs = 0,
  ) {}

  run<T>(work: GroupWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as GroupWork<unknown>, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Resolves once nothing is queued or running (the thread may then close its connection). */
  async idle(): Promise<void> {
    while (this.draining) await new Promise((resolve) => setImmediate(resolve));
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      // Let every write that arrived in this turn of the loop join the first group.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) await this.commitGroup(this.queue.splice(0));
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: Queued[]): Promise<void> {
    const exec = this.exec;
    const done: { item: Queued; value: unknown }[] = [];
    const changes: CommittedChanges = { grown: new Map(), alerts: false };
    try {
      exec('BEGIN IMMEDIATE');
    } catch (error) {
      for (const item of group) item.reject(error);
      return;
    }
    for (const item of group) {
      const own: CommittedChanges = { grown: new Map(), alerts: false };
      exec('SAVEPOINT write');
      try {
        const value = await item.work(own);
        exec('RELEASE write');
        done.push({ item, value });
        for (const [staffId, seq] of own.grown)
          changes.grown.set(staffId, Math.max(seq, changes.grown.get(staffId) ?? 0));
        changes.alerts ||= own.alerts;
      } catch (error) {
        try {
          exec('ROLLBACK TO write');
          exec('RELEASE write');
        } catch {
          // the whole transaction was rolled back already (SQLite does on some errors): COMMIT reports it
        }
        item.reject(error);
      }
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    try {
      exec('COMMIT');
    } catch (error) {
      try {
        exec('ROLLBACK');
      } catch {
        // nothing left to roll back
      }
      for (const { item } of done) item.reject(error);
      return;
    }
    for (const { item, value } of done) item.resolve(value);
    if (changes.grown.size > 0 || changes.alerts) this.announce(changes);
  }
}
