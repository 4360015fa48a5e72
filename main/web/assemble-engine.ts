// Builds the desktop engine the way the browser host runs it: file-backed secrets and preferences in the app data folder.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readAppInfo } from '../core/app-info.js';
import { createEngine } from '../core/engine.js';
import type { Engine, Notifier } from '../core/host-ports.js';
import type { LockClock } from '../core/lock/idle-timer.js';
import { NodeNotifierNotifier } from '../core/notify/node-notifier-notifier.js';
import { JsonFilePreferenceStore } from '../core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../core/stores/json-file-secret-store.js';

export interface WebEngineOptions {
  appDataDir: string;
  practiceServerUrl: string | null;
  packageJsonPath: string;
  /** OS notifications by default; tests pass a recorder. */
  notifier?: Notifier;
  /** The idle lock's clock; tests pass one they move by hand. */
  clock?: LockClock;
}

export function assembleWebEngine(options: WebEngineOptions): Engine {
  mkdirSync(options.appDataDir, { recursive: true, mode: 0o700 });
  return createEngine({
    dataDir: options.appDataDir,
    appInfo: { ...readAppInfo(options.packageJsonPath), host: 'web' },
    defaultServerUrl: options.practiceServerUrl,
    secrets: new JsonFileSecretStore(join(options.appDataDir, 'secrets.json')),
    preferences: new JsonFilePreferenceStore(join(options.appDataDir, 'preferences.json')),
    notifier: options.notifier ?? new NodeNotifierNotifier(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}
