// What every route needs from the running server, passed explicitly instead of living in globals.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../db/database.js';
import type { LoginLimiter } from '../services/auth/login-limiter.js';
import type { BlobStore } from '../services/blob-store.js';

/** Where changes and queued alerts are announced after a write commits. */
export interface ChangeListener {
  /** Per staff id: the newest feed seq written for them. */
  feedGrew(newestSeqByStaff: Map<string, number>): void;
  alertsQueued(): void;
}

/** Runs a write in the shared transaction; resolves once it is durable (db/group-commit.ts). */
export interface Commits {
  run<T>(work: () => T): Promise<T>;
}

export interface ServerContext {
  db: Db;
  blobs: BlobStore;
  now: () => number;
  tokenIdleMs: number;
  limiter: LoginLimiter;
  /** False when no SMTP server is configured: then no alert is even queued. */
  alertsEnabled: boolean;
  changes: ChangeListener;
  commits: Commits;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;
