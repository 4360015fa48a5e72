// Test support for the desktop engine: a practice server on loopback with demo data (restartable
// on the same port and data folder), engines over real cache files, and event/condition waits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DesktopEventName, DesktopEventPayload } from '../../common/desktop/index.js';
import { createEngine } from '../../main/core/engine.js';
import type { Engine, EngineOptions, NotificationRequest, Notifier, SecretStore } from '../../main/core/host-ports.js';
import type { LockClock } from '../../main/core/lock/idle-timer.js';
import { JsonFilePreferenceStore } from '../../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../../main/core/stores/json-file-secret-store.js';
import { DEMO_PASSWORD } from '../../server/demo/accounts.js';
import { startPracticeServer, type RunningPracticeServer } from '../../server/start.js';
import { TEST_PASSWORD_HASHING } from './practice-server.js';

export { DEMO_PASSWORD };

export interface EngineTestServer {
  url: string;
  port: number;
  dataDir: string;
  server: RunningPracticeServer | null;
  stop(): Promise<void>;
  /** Starts again on the same port and data folder. */
  restart(): Promise<void>;
  cleanup(): Promise<void>;
}

/** The demo server, with the test suites' cheaper password hashing (sign-ins are many here). */
const SERVER_OPTIONS = { demo: true, logger: false, passwordHashing: TEST_PASSWORD_HASHING } as const;

export async function startEngineTestServer(): Promise<EngineTestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-server-'));
  const first = await startPracticeServer({ ...SERVER_OPTIONS, dataDir, port: 0 });
  const handle: EngineTestServer = {
    url: first.url,
    port: first.port,
    dataDir,
    server: first,
    async stop() {
      await handle.server?.close();
      handle.server = null;
    },
    async restart() {
      await handle.stop();
      handle.server = await startPracticeServer({ ...SERVER_OPTIONS, dataDir, port: handle.port });
    },
    async cleanup() {
      await handle.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

export class RecordingNotifier implements Notifier {
  readonly raised: NotificationRequest[] = [];
  private clicks: (() => void)[] = [];
  notify(request: NotificationRequest, onClick: () => void): void {
    this.raised.push(request);
    this.clicks.push(onClick);
  }
  click(index: number): void {
    this.clicks[index]?.();
  }
}

export interface TestEngine {
  engine: Engine;
  dir: string;
  notifier: RecordingNotifier;
  secrets: SecretStore;
  events: { event: DesktopEventName; payload: unknown }[];
  last<K extends DesktopEventName>(event: K): DesktopEventPayload<K> | undefined;
  stop(): Promise<void>;
}

export function makeEngine(
  o: {
    dir?: string;
    secrets?: SecretStore;
    syncPageSize?: number;
    clock?: LockClock;
    allowHttp?: boolean;
    /** A "minute" of the urgent re-alert preference, shortened for tests. */
    minuteMs?: number;
    options?: Partial<EngineOptions>;
  } = {},
): TestEngine {
  const dir = o.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'core-engine-'));
  const notifier = new RecordingNotifier();
  const secrets = o.secrets ?? new JsonFileSecretStore(path.join(dir, 'secrets.json'));
  const engine = createEngine({
    dataDir: dir,
    appInfo: { name: 'Practice Messenger', version: '0.0.0-test', host: 'web' },
    defaultServerUrl: null,
    secrets,
    preferences: new JsonFilePreferenceStore(path.join(dir, 'preferences.json')),
    notifier,
    tuning: { syncPageSize: o.syncPageSize ?? 500, notificationWindowMs: 100, minuteMs: o.minuteMs },
    ...(o.clock ? { clock: o.clock } : {}),
    ...(o.allowHttp === undefined ? {} : { allowHttp: o.allowHttp }),
    ...o.options,
  });
  const events: TestEngine['events'] = [];
  engine.subscribe((event, payload) => events.push({ event, payload }));
  return {
    engine,
    dir,
    notifier,
    secrets,
    events,
    last: <K extends DesktopEventName>(event: K) =>
      events.filter((e) => e.event === event).at(-1)?.payload as DesktopEventPayload<K> | undefined,
    stop: () => engine.stop(),
  };
}

/** Polls `check` until it returns a truthy value or the deadline passes (then throws `what`). */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function signIn(t: TestEngine, serverUrl: string, email: string) {
  const session = await t.engine.handlers.signIn({ serverUrl, email, password: DEMO_PASSWORD });
  await waitFor(
    'initial sync',
    () => t.last('syncStatus')?.initialSyncDone && t.last('syncStatus')?.state === 'online',
  );
  return session;
}

/** Signs the front desk in and waits for the directory: the first practice (Sunrise) and Dr. Lee's user id. */
export async function signInDeskWithLee(t: TestEngine, serverUrl: string): Promise<{ sunrise: string; leeId: string }> {
  const session = await signIn(t, serverUrl, 'frontdesk@sunrise.example');
  const sunrise = session.practices[0]?.id ?? '';
  const lee = await waitFor(
    'directory',
    async () => (await t.engine.handlers.listStaff({ practiceId: sunrise, query: 'lee' })).users[0],
  );
  return { sunrise, leeId: lee.id };
}

/** A second client straight over HTTP (another user sending, etc.). */
export async function apiLogin(serverUrl: string, email: string) {
  const r = await fetch(`${serverUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status}`);
  const body = (await r.json()) as { token: string; user: { id: string }; practices: { id: string; name: string }[] };
  const call = async (method: string, url: string, data?: unknown) => {
    const res = await fetch(`${serverUrl}/api/v1${url}`, {
      method,
      headers: { authorization: `Bearer ${body.token}`, ...(data ? { 'content-type': 'application/json' } : {}) },
      body: data ? JSON.stringify(data) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return { ...body, call };
}
