// Launches the built Electron app against a demo practice server with a throwaway profile, and
// reads the main process's test hooks (registered only with PRACTICE_MESSENGER_E2E=1).
import { _electron, expect, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestHooks } from '../../main/electron/test-hooks.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  userDataDir: string;
  /** The environment and arguments it was started with, for a second launch. */
  env: Record<string, string>;
  args: string[];
  close(): Promise<void>;
}

type SqliteForElectron = { ok: true; path: string } | { ok: false; reason: string };

/**
 * The SQLite driver built for Electron's ABI (scripts/lib/electron-sqlite.mjs, as `npm start`
 * uses it); the app loads it through PM_SQLITE_NATIVE_BINDING. Imported by URL: it is plain JS without types.
 */
export async function prepareElectronSqlite(): Promise<SqliteForElectron> {
  const lib = pathToFileURL(join(root, 'scripts/lib/electron-sqlite.mjs')).href;
  const { prepareElectronSqlite: prepare } = (await import(lib)) as {
    prepareElectronSqlite(root: string): Promise<SqliteForElectron>;
  };
  return prepare(root);
}

export interface LaunchOptions {
  /** Extra command-line arguments (e.g. --start-hidden, a practice-messenger:// link). */
  extraArgs?: string[];
  /** Writes files into the fresh profile folder before the launch (saved window state...). */
  seedProfile?(userDataDir: string): void;
  /** More environment variables for the app. */
  env?: Record<string, string>;
}

export async function launchApp(
  binary: string,
  serverUrl: string,
  sqliteBinding: string,
  options: LaunchOptions = {},
): Promise<LaunchedApp> {
  if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/preload/index.cjs'))) {
    throw new Error('The app is not built: run "npm run build" (npm run test:e2e does) before this suite.');
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'pm-electron-e2e-'));
  options.seedProfile?.(userDataDir);
  const env: Record<string, string> = {
    ...(Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined),
    ) as Record<string, string>),
    PRACTICE_SERVER_URL: serverUrl,
    PRACTICE_MESSENGER_USER_DATA: userDataDir,
    PRACTICE_MESSENGER_E2E: '1',
    PM_SQLITE_NATIVE_BINDING: sqliteBinding,
    ...options.env,
  };
  delete env.ELECTRON_RENDERER_URL; // always the built renderer, as shipped
  // Chromium refuses to run its sandbox as root (CI containers); elsewhere the sandbox stays on.
  // (The app itself never turns the sandbox off; only this test harness does, and only when run as root.)
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root, ...(options.extraArgs ?? [])];
  const app = await _electron.launch({ executablePath: binary, args, env });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    userDataDir,
    env,
    args,
    async close() {
      await app.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Calls one of the main process's test hooks. */
export function hook<K extends keyof TestHooks>(
  app: ElectronApplication,
  name: K,
): Promise<Awaited<ReturnType<TestHooks[K]>>> {
  return app.evaluate(async (_electron, hookName) => {
    const hooks = (globalThis as unknown as { __practiceMessengerTest?: Record<string, () => unknown> })
      .__practiceMessengerTest;
    if (!hooks)
      throw new Error('Test hooks are missing: was the app started with PRACTICE_MESSENGER_E2E=1 (and unpackaged)?');
    return (await hooks[hookName as string]?.()) as never;
  }, name as string);
}

export const DEMO_SIGN_IN = { email: 'frontdesk@sunrise.example', password: 'demo-password-1' };

/** Signs in on the app's own form, as a user would, and waits until the engine says so. */
export async function signInOnPage(page: Page): Promise<void> {
  await page.getByLabel('Email').fill(DEMO_SIGN_IN.email);
  await page.getByLabel('Password').fill(DEMO_SIGN_IN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const outcome = await window.practiceMessenger?.getSession({});
        return outcome?.ok ? outcome.value.signedIn : false;
      }),
    )
    .toBe(true);
}
