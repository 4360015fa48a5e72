// What only a real Electron binary can show (issue 13 items 4-7 and 9): the page on pm-app:// under one CSP,
// a window saved maximized staying hidden at a login start and maximized when shown, HTTP through Chromium,
// a PDF attachment previewing in the window, practice-messenger:// links (from a running app and from a second
// launch), the log file, the menu, close to tray, quitting within the bound, and a proxy Chromium is told about
// carrying both the HTTP calls and the live socket. Runs where an Electron binary exists; elsewhere every test
// reports SKIPPED with the reason (see electron-binary.ts).
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startConnectProxy } from '../support/connect-proxy.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';
import { launchApp, prepareElectronSqlite, signInOnPage, type LaunchedApp } from './app-harness.js';
import { findElectronBinary } from './electron-binary.js';

const electron = findElectronBinary();
if (electron.skipReason) console.log(`Electron runtime suite SKIPPED: ${electron.skipReason}`);
test.skip(electron.path === null, electron.skipReason ?? '');
test.describe.configure({ mode: 'serial' });

let server: TestPracticeServer;
let world: DemoWorld;
let sqlitePath = '';
let launched: LaunchedApp;

const windowState = (app: LaunchedApp['app']) =>
  app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => ({ visible: w.isVisible(), maximized: w.isMaximized() })),
  );

test.beforeAll(async () => {
  test.setTimeout(600_000); // the first run gets SQLite for Electron's ABI
  const sqlite = await prepareElectronSqlite();
  test.skip(!sqlite.ok, `Electron is here but its SQLite module is not: ${sqlite.ok ? '' : sqlite.reason}.`);
  sqlitePath = sqlite.ok ? sqlite.path : '';
  server = await startTestServer();
  world = await signInDemo(server.url);
  // Started by the login item, with a window last closed maximized.
  launched = await launchApp(electron.path ?? '', server.url, sqlitePath, {
    extraArgs: ['--start-hidden'],
    seedProfile: (dir) =>
      writeFileSync(
        join(dir, 'window-state.json'),
        JSON.stringify({ windowState: { x: 40, y: 40, width: 1000, height: 700, maximized: true } }),
      ),
  });
});

test.afterAll(async () => {
  await launched?.close();
  await server?.cleanup();
});

test('a start at login stays hidden although the window was saved maximized; it is maximized when shown', async () => {
  const { app, page } = launched;
  await page.waitForLoadState('load');
  expect(await windowState(app)).toEqual([{ visible: false, maximized: false }]);
  await app.evaluate(({ app: electronApp }) => electronApp.emit('second-instance', {}, []));
  await expect.poll(() => windowState(app)).toEqual([{ visible: true, maximized: true }]);
});

test('serves the page from pm-app://renderer with the one CSP as a header', async () => {
  const { page } = launched;
  expect(page.url()).toMatch(/^pm-app:\/\/renderer\//);
  const meta = await page.evaluate(() => document.querySelectorAll('meta[http-equiv]').length);
  expect(meta).toBe(0);
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toMatch(/^default-src 'none'; script-src 'self'/);
});

const syncState = (page: LaunchedApp['page']) =>
  page.evaluate(async () => {
    const outcome = await window.practiceMessenger?.getSyncStatus({});
    return outcome?.ok ? outcome.value.state : 'unknown';
  });

test('signs in through Chromium’s network stack and goes live', async () => {
  const { page } = launched;
  await signInOnPage(page);
  await expect.poll(() => syncState(page)).toBe('online');
});

test('previews a PDF attachment in the window with Chromium’s viewer (plugins on), not as a download', async () => {
  const { page } = launched;
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  await page.getByRole('button', { name: /Grace Kim lab note\.pdf/ }).click();
  const preview = page.getByRole('dialog', { name: 'Grace Kim lab note.pdf' });
  await expect(preview).toBeVisible();
  const frame = page.frames().find((f) => f.url().startsWith('blob:'));
  expect(frame).toBeDefined();
  // Chromium's PDF viewer embeds itself in the frame as a plugin for application/pdf.
  await expect.poll(async () => (await frame?.locator('embed[type="application/pdf"]').count()) ?? 0).toBe(1);
});

/** The link to a demo message by subject, as the server's /open page would offer it. */
async function linkTo(page: LaunchedApp['page'], subject: string): Promise<string> {
  const messageId = await page.evaluate(
    async ({ practiceId, wanted }) => {
      const outcome = await window.practiceMessenger?.searchMessages({ practiceId, query: wanted });
      return outcome?.ok ? (outcome.value.hits[0]?.row.id ?? '') : '';
    },
    { practiceId: world.sunriseId, wanted: subject },
  );
  expect(messageId).not.toBe('');
  return `practice-messenger://open?server=${encodeURIComponent(server.url)}&message=${messageId}`;
}

const messageHeading = (page: LaunchedApp['page'], subject: string) =>
  page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: subject });

test('a practice-messenger:// link opens its message in the running app', async () => {
  const { app, page } = launched;
  const subject = 'Please call back Liam Patel';
  const link = await linkTo(page, subject);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const accepted = await app.evaluate(
    (_electron, url) =>
      (
        globalThis as unknown as { __practiceMessengerTest: { openDeepLink(u: string): boolean } }
      ).__practiceMessengerTest.openDeepLink(url),
    link,
  );
  expect(accepted).toBe(true);
  await expect(messageHeading(page, subject)).toBeVisible();
});

test('a second launch with a link hands it to the running app, which opens the message', async () => {
  const { page, env, args } = launched;
  const subject = 'Lab results for Grace Kim';
  const link = await linkTo(page, subject);
  await page.getByRole('link', { name: 'Dashboard' }).click();
  const second = spawn(electron.path ?? '', [...args, link], { env, stdio: 'ignore' });
  expect(await new Promise<number | null>((resolve) => second.once('exit', resolve))).toBe(0);
  await expect(messageHeading(page, subject)).toBeVisible();
});

test('writes the log file in the OS log folder, with no message content, offers it in the menu, uploads no crash', async () => {
  const { app } = launched;
  const { file, menu, uploads } = await app.evaluate(({ app: electronApp, Menu, crashReporter }) => ({
    file: `${electronApp.getPath('logs')}/main.log`,
    menu: (Menu.getApplicationMenu()?.items ?? []).flatMap((item) => item.submenu?.items.map((i) => i.label) ?? []),
    uploads: crashReporter.getUploadToServer(),
  }));
  expect(menu).toContain('Open logs folder');
  expect(uploads).toBe(false); // crash dumps stay on this computer
  await expect.poll(() => existsSync(file)).toBe(true);
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(/sync: \S+ -> online/);
  expect(text).not.toMatch(/Grace Kim|Lab results/);
});

test('with close to tray off, closing the window quits the app, and the quit is not held', async () => {
  const { app, page } = launched;
  await page.evaluate(() => window.practiceMessenger?.savePreferences({ closeToTray: false }));
  const closed = new Promise<void>((resolve) => app.once('close', () => resolve()));
  const started = Date.now();
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await closed;
  expect(Date.now() - started).toBeLessThan(8_000);
});

test('a proxy Chromium is told about carries the HTTP calls and the live socket to a server only it can reach', async () => {
  // practice.test resolves nowhere but in the proxy: signing in and going live prove nothing went around it.
  const proxy = await startConnectProxy('practice.test');
  const hidden = `http://practice.test:${new URL(server.url).port}`;
  const behindProxy = await launchApp(electron.path ?? '', hidden, sqlitePath, {
    extraArgs: [`--proxy-server=${proxy.address}`],
    env: { PRACTICE_MESSENGER_ALLOW_HTTP: '1' }, // plain http to a name that isn't loopback, on purpose
  });
  try {
    await signInOnPage(behindProxy.page);
    await expect.poll(() => syncState(behindProxy.page)).toBe('online');
    // HTTP went through Chromium (its proxy requests carry absolute URLs); the socket asked Chromium and tunnelled.
    expect(proxy.requests.some((url) => url.startsWith(`${hidden}/api/v1/session`))).toBe(true);
    expect(proxy.tunnels).toContain(`practice.test:${new URL(server.url).port}`);
  } finally {
    await behindProxy.close();
    await proxy.close();
  }
});
