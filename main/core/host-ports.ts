// What a host (Electron or the browser host) gives the engine, and what it gets back.
// Everything OS-specific is injected here so the engine runs and is tested in plain Node.
import type {
  DesktopEventName,
  DesktopEventPayload,
  DesktopHandlers,
  ManagedPolicy,
  Preferences,
} from '../../common/desktop/index.js';
import type { TransportFactory } from './network/server-transport.js';
import type { LockClock } from './lock/idle-timer.js';

/** Small secrets (the sign-in token, the cache key). Electron: safeStorage; browser host/tests: a file. */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** False when secrets cannot be kept safely (e.g. Linux basic_text): the engine then keeps none. */
  readonly persistent: boolean;
}

/** Local, non-secret preferences. Electron: electron-store; browser host/tests: a JSON file. */
export interface PreferenceStore {
  load(): Partial<Preferences>;
  save(prefs: Preferences): void;
}

export interface NotificationRequest {
  title: string;
  body: string;
  /** Present when a click should open one message. */
  target: { practiceId: string; messageId: string } | null;
}

/** Raises one OS notification; `onClick` fires where the OS reports clicks. */
export interface Notifier {
  notify(request: NotificationRequest, onClick: () => void): void;
}

export interface EngineOptions {
  /** Folder for caches (one per account) and attachment files. */
  dataDir: string;
  appInfo: { name: string; version: string; host: 'electron' | 'web' };
  /** Server that `npm start` launched, offered on the sign-in form. */
  defaultServerUrl: string | null;
  secrets: SecretStore;
  preferences: PreferenceStore;
  notifier: Notifier;
  /** How to reach practice servers (network/): Electron passes Chromium's stack; default Node's, with env proxies. */
  transport?: TransportFactory;
  /** The administrator's policy (main/core/policy): fixed and capped preferences, the one allowed server. */
  policy?: ManagedPolicy;
  /**
   * Plain http:// to a server that is not on this computer (development only). Default: the
   * PRACTICE_MESSENGER_ALLOW_HTTP=1 environment setting (session/server-address-policy.ts).
   */
  allowHttp?: boolean;
  /** The idle lock's clock (tests inject one they can move); the system clock by default. */
  clock?: LockClock;
  /**
   * Tests and benchmarks: fixed sync page size (default 1000 during the backfill, then 500), notification
   * burst window (default 250 ms), and how long a "minute" of the urgent re-alert preference is (default 60 s).
   */
  tuning?: { syncPageSize?: number; notificationWindowMs?: number; minuteMs?: number };
}

export type EngineListener = <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => void;

export interface Engine {
  /** The desktop API methods, each checking its arguments once and rejecting only with DesktopCallError. */
  readonly handlers: DesktopHandlers;
  /** Subscribe to engine events; returns an unsubscribe function. */
  subscribe(listener: EngineListener): () => void;
  /** Restore a saved session (if any) and start syncing. */
  start(): Promise<void>;
  /** Stop timers and sockets and close the cache. */
  stop(): Promise<void>;
  /** The OS says the network is back: reconnect and flush now instead of waiting out the backoff. */
  reconnectNow(): void;
  /** The host saw user input (keyboard, pointer, touch): the idle lock counts from now. */
  reportActivity(): void;
  /** The OS locked the screen or is going to sleep: lock now (when someone is signed in). */
  lockNow(): void;
  /** Whether the app lock is engaged (a host tells a freshly loaded page). */
  readonly locked: boolean;
}
