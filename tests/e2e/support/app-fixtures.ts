// Playwright fixtures: a fresh demo practice server per test, and any number of app instances (each its own
// engine, cache folder and browser host) opened in real Chromium pages.
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Engine } from '../../../main/core/host-ports.js';
import type { LockClock } from '../../../main/core/lock/idle-timer.js';
import { assembleWebEngine } from '../../../main/web/assemble-engine.js';
import { startWebHost, type RunningWebHost } from '../../../main/web/web-host.js';
import {
  DEMO_PASSWORD,
  RecordingNotifier,
  startEngineTestServer,
  type EngineTestServer,
} from '../../support/engine-harness.js';

export { DEMO_PASSWORD };
const root = resolve(import.meta.dirname, '../../..');

export interface AppInstance {
  page: Page;
  engine: Engine;
  host: RunningWebHost;
  notifier: RecordingNotifier;
  dataDir: string;
}

interface Fixtures {
  /** The demo practice server of one test; stop() and restart() (same port and data) play "offline". */
  practice: EngineTestServer;
  /** Opens a new app instance (its own engine and cache) in a new browser context. */
  openApp: (options?: { signInAs?: string; clock?: LockClock }) => Promise<AppInstance>;
}

async function launch(browser: Browser, serverUrl: string, clock?: LockClock): Promise<AppInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pm-e2e-app-'));
  const notifier = new RecordingNotifier();
  const engine = assembleWebEngine({
    appDataDir: dataDir,
    practiceServerUrl: serverUrl,
    packageJsonPath: join(root, 'package.json'),
    notifier,
    clock,
  });
  await engine.start();
  const host = await startWebHost({ engine, rendererDir: join(root, 'out/renderer'), port: 0 });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, engine, host, notifier, dataDir };
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'New Message' }).first()).toBeVisible();
}

export const test = base.extend<Fixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  practice: async ({}, use) => {
    const server = await startEngineTestServer();
    await use(server);
    await server.cleanup();
  },
  openApp: async ({ browser, practice }, use) => {
    const opened: AppInstance[] = [];
    await use(async (options) => {
      const app = await launch(browser, practice.url, options?.clock);
      opened.push(app);
      if (options?.signInAs) await signIn(app.page, options.signInAs);
      return app;
    });
    for (const app of opened) {
      await app.page.context().close();
      await app.host.close();
      await app.engine.stop();
      rmSync(app.dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
