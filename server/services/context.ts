// What services need from the running server, passed explicitly instead of living in globals.
import type { BlobStore } from '../storage/blobs/blob-store.js';
import type { Dialect } from '../storage/open-storage.js';
import type { Executor } from '../storage/schema.js';
import type { SignInGuards } from './auth/sign-in-guards.js';
import type { TokenCache } from './auth/token-cache.js';
import type { Writes } from './writes/writes.js';

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
  /** Brings snoozed messages back when due (services/workflow/snooze-waker.ts). */
  snoozes: { snoozeSet(): void };
}
