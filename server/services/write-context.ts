// What a write has: the transaction it runs in, its clock, and where its changes are gathered to be
// announced after its commit. (The write operations import this; services/context.ts imports them.)
import type { Executor } from '../storage/schema.js';

/** Where changes and queued alerts are announced once the write that made them is committed. */
export interface ChangeListener {
  /** Per staff id: the newest feed seq written for them. */
  feedGrew(newestSeqByStaff: Map<string, number>): void;
  alertsQueued(): void;
}

/** What the changes of one write are gathered in, to be announced after its commit. */
export interface WriteChanges {
  /** Newest feed seq per staff id (SQLite; PostgreSQL numbers feed rows after commit). */
  grown: Map<string, number>;
  /** Some feed rows were written (PostgreSQL: the sequencer must run before the caller is answered). */
  feedWritten?: boolean;
  alerts: boolean;
}

export interface WriteContext {
  db: Executor;
  now: () => number;
  alertsEnabled: boolean;
  changes: WriteChanges;
}

export const noChanges = (): WriteChanges => ({ grown: new Map(), alerts: false });
