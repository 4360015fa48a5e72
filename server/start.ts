// Programmatic entry: starts a practice server on a data folder (SQLite) or a PostgreSQL database,
// and returns its URL and close(). Used by the CLI, by tests and by the desktop engine's tests.
import { randomUUID } from 'node:crypto';
import { addBulkDemoMessages } from './demo/bulk-messages.js';
import { seedDemoIfEmpty } from './demo/seed.js';
import { buildApp, type ObservedResponse } from './http/app.js';
import type { App } from './http/app-type.js';
import type { LogStream } from './http/logger.js';
import { LiveHub } from './live/live-hub.js';
import { registerRoutes } from './routes/index.js';
import { type AttemptLimit } from './services/auth/attempt-limiter.js';
import { HashGate, type HashGateLimits } from './services/auth/hash-gate.js';
import { PASSWORD_HASHING, type ScryptParams } from './services/auth/passwords.js';
import { TokenCache } from './services/auth/token-cache.js';
import { isTokenHashLive } from './services/auth/tokens.js';
import type { ServerContext } from './services/context.js';
import type { ChangeListener } from './services/write-context.js';
import { AlertWorker } from './services/email/alert-worker.js';
import { MAINTENANCE_INTERVAL_MS, runMaintenance } from './services/maintenance.js';
import { SnoozeWaker } from './services/workflow/snooze-waker.js';
import { PostgresWrites, startSqliteWrites, type Writes } from './services/writes/writes.js';
import { openBlobStore } from './storage/blobs/open-blob-store.js';
import { openStorage, type Storage } from './storage/open-storage.js';
import { privateDir } from './storage/private-files.js';
import { attemptLimiters } from './services/auth/shared-attempt-limiter.js';
import { FeedListener } from './storage/postgres/feed-listener.js';
import { FeedSequencer } from './storage/postgres/feed-sequencer.js';
import { updatesFolder } from './services/updates/publish-update.js';
import { desktopPages } from './routes/desktop-pages.js';

export interface PracticeServerOptions {
  dataDir: string;
  /** postgres://... : PostgreSQL is the system of record; unset: SQLite in dataDir. */
  databaseUrl?: string | null;
  /** file:///folder (default dataDir/blobs) or s3://bucket. */
  attachmentsUrl?: string | null;
  port?: number /* 0 = free */;
  host?: string;
  smtpUrl?: string | null;
  publicUrl?: string;
  /** Where published desktop updates live (UPDATES_DIR); default DATA_DIR/updates. */
  updatesDir?: string;
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
  /** Tests: hold each write transaction open this long before its COMMIT. Default 0. */
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
  /** This process's id among the instances on one database. */
  instanceId: string;
  close(): Promise<void>;
  /** Resolves once no email alert is waiting to be sent (sent, or given up after retries). */
  emailQueueIdle(): Promise<void>;
  /** Open, signed-in live sockets (tests check that dead ones are dropped). */
  liveSocketCount(): number;
  /** Runs the hourly housekeeping now (tests: unused uploads expire after 24 h). */
  runMaintenance(): Promise<void>;
  /** True when the demo data was written by this start (false: the database was already seeded). */
  seeded: boolean;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_TOKEN_IDLE_MS = 12 * 60 * 60 * 1000;
/** How often each instance looks for feed rows a crashed instance left unnumbered (PostgreSQL). */
const SEQUENCER_SWEEP_MS = 1_000;

export async function startPracticeServer(o: PracticeServerOptions): Promise<RunningPracticeServer> {
  privateDir(o.dataDir);
  const instanceId = randomUUID();
  const storage = await openStorage({ databaseUrl: o.databaseUrl, dataDir: o.dataDir });
  const now = o.now ?? Date.now;
  const tokenIdleMs = o.tokenIdleMs ?? DEFAULT_TOKEN_IDLE_MS;
  // At each ping, a socket whose session expired (or was revoked elsewhere) is closed with 4401.
  const live = new LiveHub(o.livePingMs, (tokenHash) => isTokenHashLive(storage.db, tokenHash, now(), tokenIdleMs));
  const timers: NodeJS.Timeout[] = [];
  let alerts: AlertWorker | null = null;
  let writes: Writes | null = null;
  let app: App | null = null;
  let notices: FeedListener | null = null;
  const blobs = openBlobStore(o.attachmentsUrl, o.dataDir);
  try {
    const worker = (alerts = new AlertWorker(storage.db, {
      smtpUrl: o.smtpUrl ?? null,
      retryBaseMs: o.emailRetryBaseMs,
    }));
    const listener: ChangeListener = { feedGrew: (grown) => live.feedGrew(grown), alertsQueued: () => worker.wake() };
    const sequencer =
      storage.dialect === 'postgres'
        ? new FeedSequencer(storage.db, instanceId, (grown) => listener.feedGrew(grown))
        : null;
    const hashing = o.passwordHashing ?? PASSWORD_HASHING;
    const seeded = o.demo ? await seedDemoIfEmpty(storage.db, blobs, hashing) : false;
    if (seeded && o.demoBulkMessages) await addBulkDemoMessages(storage.db, o.demoBulkMessages);
    await sequencer?.run();
    if (storage.postgresUrl) {
      // Other instances' changes reach this instance's sockets through LISTEN/NOTIFY.
      notices = new FeedListener(storage.postgresUrl, instanceId, {
        onNotice: (grown) => live.feedGrew(grown),
        onLost: () => live.hintEveryone(),
      });
      await notices.start();
    }
    const openNotices = notices;
    storage.leaveCheckpointsToWriter();
    writes = await startWrites(storage, sequencer, {
      alertsEnabled: worker.enabled,
      now,
      listener,
      commitDelayMs: o.commitDelayMs ?? 0,
    });
    const snoozes = new SnoozeWaker(writes, storage.db, now);
    const ctx: ServerContext = {
      db: storage.db,
      dialect: storage.dialect,
      blobs,
      now,
      tokenIdleMs,
      tokenCache: new TokenCache(tokenIdleMs),
      signIn: {
        ...attemptLimiters(storage.dialect, storage.db, now, o.perAddressLimit),
        hashGate: new HashGate(o.hashGateLimits),
        hashing,
      },
      alertsEnabled: worker.enabled,
      writes,
      snoozes,
    };
    // Portal threads from before the queue existed get their queue rows (once; a no-op after).
    await writes.run('backfillPortalQueue', undefined);
    const maintain = async (): Promise<void> => {
      await runMaintenance(storage.db, blobs, ctx.now(), ctx.tokenIdleMs);
      await snoozes.run(); // also on its own timer; here too, so housekeeping leaves nothing due behind
    };
    await maintain();
    timers.push(setInterval(() => void maintain().catch(() => undefined), MAINTENANCE_INTERVAL_MS).unref());
    if (sequencer) {
      const sweep = async (): Promise<void> => {
        if (await sequencer.pending()) await sequencer.run();
      };
      timers.push(setInterval(() => void sweep().catch(() => undefined), SEQUENCER_SWEEP_MS).unref());
    }
    let ownAddress = o.publicUrl ?? ''; // what desktop apps use: PUBLIC_URL, else this server's URL once it listens
    app = await buildApp((api) => registerRoutes(api, ctx, live), {
      registerRootRoutes: desktopPages({
        updatesFolder: updatesFolder(o.dataDir, o.updatesDir),
        serverUrl: () => ownAddress,
      }),
      logger: o.logger ?? true,
      logStream: o.logStream,
      trustProxy: o.trustProxy,
      observeResponses: o.observeResponses,
    });
    const running = app;
    const host = o.host ?? DEFAULT_HOST;
    // The one line with the URL is the CLI's; Fastify's own log line says only that it listens.
    await app.listen({ port: o.port ?? DEFAULT_PORT, host, listenTextResolver: () => 'practice server listening' });
    const address = running.server.address();
    const port = typeof address === 'object' && address ? address.port : (o.port ?? DEFAULT_PORT);
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${urlHost}:${port}`;
    ownAddress ||= url;
    worker.start(o.publicUrl ?? url);
    const openWrites = writes;
    let closing: Promise<void> | null = null;
    return {
      url,
      port,
      instanceId,
      seeded,
      emailQueueIdle: () => worker.idle(),
      liveSocketCount: () => live.connectedCount(),
      runMaintenance: maintain,
      close: () =>
        (closing ??= (async () => {
          timers.forEach(clearInterval);
          snoozes.stop();
          live.close();
          await openNotices?.close();
          await running.close();
          await openWrites.close();
          await worker.stop();
          blobs.close();
          await storage.close();
          await letClientsSeeClosedSockets();
        })()),
    };
  } catch (error) {
    timers.forEach(clearInterval);
    live.close();
    await notices?.close();
    await app?.close();
    await writes?.close();
    await alerts?.stop();
    blobs.close();
    await storage.close();
    throw error;
  }
}

function startWrites(
  storage: Storage,
  sequencer: FeedSequencer | null,
  options: Parameters<typeof startSqliteWrites>[1],
): Promise<Writes> {
  if (sequencer) return Promise.resolve(new PostgresWrites(storage.db, sequencer, options));
  return startSqliteWrites(storage.sqliteFile!, options);
}

/**
 * A client in this same process (tests, the desktop engine's offline tests) keeps idle keep-alive
 * sockets; the FIN we just sent reaches its socket only on a later turn of the event loop. Give it
 * two turns, so that a server restarted at once on the same port is not sent requests on a dead socket.
 */
async function letClientsSeeClosedSockets(): Promise<void> {
  for (let turn = 0; turn < 2; turn += 1) await new Promise((resolve) => setImmediate(resolve));
}
