// What every route needs from the running server, passed explicitly instead of living in globals.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/database.js';
import type { Writes } from '../db/writer/write-ops.js';
import type { TokenCache } from '../services/auth/token-cache.js';
import type { BlobStore } from '../services/blob-store.js';
import type { SignInGuards } from '../services/sign-in.js';

/** Where changes and queued alerts are announced after a write commits. */
export interface ChangeListener {
  /** Per staff id: the newest feed seq written for them. */
  feedGrew(newestSeqByStaff: Map<string, number>): void;
  alertsQueued(): void;
}

export interface ServerContext {
  /** This thread's connection: reads (only committed data) and small single-statement writes. */
  db: Db;
  blobs: BlobStore;
  now: () => number;
  tokenIdleMs: number;
  /** Tokens the database accepted a moment ago (services/auth/token-cache.ts). */
  tokenCache: TokenCache;
  /** Failed-attempt limits, the ceiling on hash work and the hashing parameters. */
  signIn: SignInGuards;
  /** False when no SMTP server is configured: then no alert is even queued. */
  alertsEnabled: boolean;
  changes: ChangeListener;
  /** The writer thread (db/writer/): runs writes in group commits, resolves once they are durable. */
  writes: Writes;
}

/** What a write running in the writer thread has (services/messages, settings, mailbox state). */
export type WriteContext = Pick<ServerContext, 'db' | 'now' | 'alertsEnabled' | 'changes'>;

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
