// What services need from the running server, passed explicitly instead of living in globals.
import type { Executor } from '../storage/schema.js';
import type { Dialect } from '../storage/open-storage.js';
import type { BlobStore } from '../storage/blobs/blob-store.js';
import type { TokenCache } from './auth/token-cache.js';
import type { SignInGuards } from './sign-in.js';
import type { Writes } from './writes/writes.js';

/** Where changes and queued alerts are announced once the write that made them is committed. */
export interface ChangeListener {
  /** Per staff id: the newest feed seq written for them. */
  feedGrew(newestSeqByStaff: Map<string, number>): void;
  alertsQueued(): void;
}

export interface ServerContext {
  /** Reads (committed data only) and small single-statement writes; writes that matter go through `writes`. */
  db: Executor;
  dialect: Dialect;
  blobs: BlobStore;
  now: () => number;
  tokenIdleMs: number;
  /** Tokens the database accepted a moment ago (services/auth/token-cache.ts). */
  tokenCache: TokenCache;
  /** Failed-attempt limits, the ceiling on hash work and the hashing parameters. */
  signIn: SignInGuards;
  /** False when no SMTP server is configured: then no alert is even queued. */
  alertsEnabled: boolean;
  /** Runs writes in a transaction (SQLite: the writer thread's group commit); resolves once durable. */
  writes: Writes;
}

/** What the changes of one write are gathered in, to be announced after its commit. */
export interface WriteChanges {
  /** Newest feed seq per staff id (SQLite; PostgreSQL numbers feed rows after commit). */
  grown: Map<string, number>;
  /** Some feed rows were written (PostgreSQL: the sequencer must run before the caller is answered). */
  feedWritten?: boolean;
  alerts: boolean;
}

/** What a write has: the transaction it runs in, its clock, and where its changes are gathered. */
export interface WriteContext {
  db: Executor;
  now: () => number;
  alertsEnabled: boolean;
  changes: WriteChanges;
}

export const noChanges = (): WriteChanges => ({ grown: new Map(), alerts: false });
