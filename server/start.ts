// Programmatic entry: starts a practice server on a data folder and returns its URL and close().
// Used by the CLI, by tests (tests/support/practice-server.ts) and by the desktop engine's tests.
import { join } from 'node:path';
import { privateDatabaseFile, privateDir } from './config/private-files.js';
import { openDatabase, type Db } from './db/database.js';
import { WriterThread } from './db/writer/writer-thread.js';
import { addBulkDemoMessages } from './demo/bulk-messages.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { AlertWorker } from './email/alert-worker.js';
import { buildApp, type ObservedResponse } from './http/app.js';
import type { LogStream } from './http/logger.js';
import type { App, ServerContext } from './http/context.js';
import { LiveHub } from './live/live-hub.js';
import {
  MemoryAttemptLimiter,
  PER_ADDRESS_LIMIT,
  PER_EMAIL_LIMIT,
  type AttemptLimit,
} from './services/auth/attempt-limiter.js';
import { HashGate, type HashGateLimits } from './services/auth/hash-gate.js';
import { PASSWORD_HASHING, type ScryptParams } from './services/auth/passwords.js';
import { TokenCache } from './services/auth/token-cache.js';
import { isTokenHashLive } from './services/auth/tokens.js';
import { BlobStore } from './services/blob-store.js';
import { MAINTENANCE_INTERVAL_MS, runMaintenance } from './services/maintenance.js';

export interface PracticeServerOptions {
  dataDir: string;
  port?: number /* 0 = free */;
  host?: string;
  smtpUrl?: string | null;
  publicUrl?: string;
  demo?: boolean;
  logger?: boolean;
  tokenIdleMs?: number;
  /** Tests: first retry delay of a failed email alert (doubles each time). Default 5 s. */
  emailRetryBaseMs?: number;
  /** Tests: interval between live-socket pings. Default 30 s. */
  livePingMs?: number;
  /** Benchmarks: with `demo`, this many extra messages between front desk and Dr. Lee, on first seeding only. */
  demoBulkMessages?: number;
  /** Tests: where JSON log lines go instead of stdout. */
  logStream?: LogStream;
  /** Tests: the clock used for token expiry, sign-in limits and message times. Default Date.now. */
  now?: () => number;
  /** Tests: hold each group transaction open this long before its COMMIT. Default 0. */
  commitDelayMs?: number;
  /**
   * Tests only: cheaper scrypt parameters, so suites that sign in often stay fast. Never set by the
   * CLI or the environment; the default is PASSWORD_HASHING (OWASP's N=2^17).
   */
  passwordHashing?: ScryptParams;
  /** Tests: other failed-attempt limit per client address, or other hash-work ceiling. */
  perAddressLimit?: AttemptLimit;
  hashGateLimits?: HashGateLimits;
  /** Tests: called with every answer the server sends (checked against the OpenAPI document). */
  observeResponses?: (response: ObservedResponse) => void;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for the client address. */
  trustProxy?: boolean | string;
}

export interface RunningPracticeServer {
  url: string /* http://127.0.0.1:PORT, no trailing slash */;
  port: number;
  close(): Promise<void>;
  /** Resolves once no email alert is waiting to be sent (sent, or given up after retries). */
  emailQueueIdle(): Promise<void>;
  /** Open, signed-in live sockets (tests check that dead ones are dropped). */
  liveSocketCount(): number;
  /** Runs the hourly housekeeping now (tests: unused uploads expire after 24 h). */
  runMaintenance(): void;
  /** True when the demo data was written by this start (false: the folder was already seeded). */
  seeded: boolean;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_TOKEN_IDLE_MS = 12 * 60 * 60 * 1000;

export async function startPracticeServer(o: PracticeServerOptions): Promise<RunningPracticeServer> {
  privateDir(o.dataDir);
  const dbFile = join(o.dataDir, 'practice.sqlite');
  privateDatabaseFile(dbFile);
  const db = openDatabase(dbFile);
  const now = o.now ?? Date.now;
  const tokenIdleMs = o.tokenIdleMs ?? DEFAULT_TOKEN_IDLE_MS;
  // At each ping, a socket whose session expired (or was revoked elsewhere) is closed with 4401.
  const live = new LiveHub(o.livePingMs, (tokenHash) => db.open && isTokenHashLive(db, tokenHash, now(), tokenIdleMs));
  let alerts: AlertWorker | null = null;
  let writer: WriterThread | null = null;
  let maintenance: NodeJS.Timeout | undefined;
  let app: App | null = null;
  try {
    const blobs = new BlobStore(o.dataDir);
    const seeded = o.demo ? await seedDemoIfEmpty(db, blobs, o.passwordHashing ?? PASSWORD_HASHING) : false;
    if (seeded && o.demoBulkMessages) addBulkDemoMessages(db, o.demoBulkMessages);
    const host = o.host ?? DEFAULT_HOST;
    const publicUrl = o.publicUrl ?? null;
    alerts = new AlertWorker(db, { smtpUrl: o.smtpUrl ?? null, retryBaseMs: o.emailRetryBaseMs });
    const worker = alerts;
    const changes = { feedGrew: (seqs: Map<string, number>) => live.feedGrew(seqs), alertsQueued: () => worker.wake() };
    // Writes (and their fsync) go to the writer thread's connection; this thread's connection never
    // holds a group transaction open, so its reads see committed data only.
    // Checkpoints are the writer's job too (off this thread); seeding, above, still checkpointed here.
    db.pragma('wal_autocheckpoint = 0');
    writer = await WriterThread.start(
      { file: dbFile, alertsEnabled: worker.enabled, commitDelayMs: o.commitDelayMs ?? 0 },
      changes,
      now,
    );
    const ctx: ServerContext = {
      db,
      blobs,
      now,
      tokenIdleMs,
      tokenCache: new TokenCache(tokenIdleMs),
      signIn: {
        perEmail: new MemoryAttemptLimiter(PER_EMAIL_LIMIT, now),
        perAddress: new MemoryAttemptLimiter(o.perAddressLimit ?? PER_ADDRESS_LIMIT, now),
        hashGate: new HashGate(o.hashGateLimits),
        hashing: o.passwordHashing ?? PASSWORD_HASHING,
      },
      alertsEnabled: worker.enabled,
      changes,
      writes: writer,
    };
    const maintain = (): void => runMaintenance(db, blobs, ctx.now(), ctx.tokenIdleMs);
    maintain();
    maintenance = setInterval(maintain, MAINTENANCE_INTERVAL_MS).unref();
    app = await buildApp(ctx, live, {
      logger: o.logger ?? true,
      logStream: o.logStream,
      trustProxy: o.trustProxy,
      observeResponses: o.observeResponses,
    });
    const running = app;
    const writes = writer;
    // The one line with the URL is the CLI's; Fastify's own log line says only that it listens.
    await app.listen({ port: o.port ?? DEFAULT_PORT, host, listenTextResolver: () => 'practice server listening' });
    const address = running.server.address();
    const port = typeof address === 'object' && address ? address.port : (o.port ?? DEFAULT_PORT);
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${urlHost}:${port}`;
    worker.start(publicUrl ?? url);
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      seeded,
      emailQueueIdle: () => worker.idle(),
      liveSocketCount: () => live.connectedCount(),
      runMaintenance: maintain,
      close: () =>
        (closing ??= (async () => {
          clearInterval(maintenance);
          live.close();
          await running.close();
          await writes.close();
          await worker.stop();
          closeDatabase(db);
          await letClientsSeeClosedSockets();
        })()),
    };
  } catch (error) {
    clearInterval(maintenance);
    live.close();
    await app?.close();
    await writer?.close();
    await alerts?.stop();
    closeDatabase(db);
    throw error;
  }
}

/**
 * A client in this same process (tests, the desktop engine's offline tests) keeps idle keep-alive
 * sockets; the FIN we just sent reaches its socket only on a later turn of the event loop. Give it
 * two turns, so that a server restarted at once on the same port is not sent requests on a dead socket.
 */
async function letClientsSeeClosedSockets(): Promise<void> {
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}

function closeDatabase(db: Db): void {
  if (db.open) db.close();
}
