// The Electron app end to end: launch, sign in to a demo server, unread badge and tray tooltip,
// lock and unlock, and a second launch focusing the first. Runs where an Electron binary exists;
// elsewhere every test reports SKIPPED with the reason (see electron-binary.ts).
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { desktopMethodNames } from '../../common/desktop/index.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';
import { DEMO_SIGN_IN, hook, launchApp, prepareElectronSqlite, signInOnPage, type LaunchedApp } from './app-harness.js';
import { findElectronBinary } from './electron-binary.js';

const electron = findElectronBinary();
// The list reporter does not print skip reasons, so say it once here as well.
if (electron.skipReason) console.log(`Electron suite SKIPPED: ${electron.skipReason}`);
test.skip(electron.path === null, electron.skipReason ?? '');
test.describe.configure({ mode: 'serial' });

let server: TestPracticeServer;
let world: DemoWorld;
let launched: LaunchedApp;

test.beforeAll(async () => {
  test.setTimeout(600_000); // the first run builds SQLite for Electron's ABI
  const sqlite = await prepareElectronSqlite();
  test.skip(!sqlite.ok, `Electron is here but its SQLite module is not: ${sqlite.ok ? '' : sqlite.reason}.`);
  server = await startTestServer();
  world = await signInDemo(server.url);
  launched = await launchApp(electron.path ?? '', server.url, sqlite.ok ? sqlite.path : '');
});

test.afterAll(async () => {
  await launched?.close();
  await server?.cleanup();
});

test('launches a locked-down window showing the sign-in form for the demo server', async () => {
  const { page } = launched;
  await expect(page).toHaveTitle('Practice Messenger');
  await expect(page.getByLabel('Server')).toHaveValue(server.url);
  const exposed = await page.evaluate(() => {
    // An inline script must not run (CSP without 'unsafe-inline').
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.head.append(inline);
    return {
      api: Object.keys(window.practiceMessenger ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false,
    };
  });
  expect(exposed).toEqual({
    api: [...desktopMethodNames, 'on'].sort(),
    require: 'undefined',
    process: 'undefined',
    inlineRan: false,
  });
});

test('signs in to the demo server', async () => {
  const { page } = launched;
  await signInOnPage(page);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

test('shows the inbox unread count in the tray tooltip, and follows a new message', async () => {
  const { app, page } = launched;
  const total = () =>
    page.evaluate(async () => {
      const outcome = await window.practiceMessenger?.getUnreadCounts({});
      return outcome?.ok ? outcome.value.total : -1;
    });
  await expect
    .poll(async () => (await total()) >= 0 && (await hook(app, 'unreadCount')) === (await total()))
    .toBe(true);
  const before = await total();
  await world.lee.api('POST', `/practices/${world.sunriseId}/messages`, {
    clientId: randomUUID(),
    to: [world.desk.login.user.id],
    subject: 'Electron badge check',
    body: 'Please call the lab back.',
  });
  await expect.poll(() => hook(app, 'unreadCount')).toBe(before + 1);
  await expect
    .poll(() => hook(app, 'trayTooltip'))
    .toBe(`Practice Messenger - ${before + 1} unread message${before + 1 === 1 ? '' : 's'}`);
});

test('locks (content cleared, data calls refused) and unlocks with the password', async () => {
  const { app, page } = launched;
  await hook(app, 'lockNow');
  await expect(page.getByRole('heading', { name: 'Practice Messenger is locked' })).toBeVisible();
  await expect(page.getByText('Electron badge check')).toHaveCount(0);
  const refused = await page.evaluate(async () => {
    const outcome = await window.practiceMessenger?.getOutbox({});
    return outcome?.ok === false ? `${outcome.error.code}: ${outcome.error.message}` : 'allowed';
  });
  expect(refused).toMatch(/locked/i);
  await page.getByLabel('Password').fill(DEMO_SIGN_IN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { name: 'Practice Messenger is locked' })).toHaveCount(0);
  expect(await hook(app, 'isLocked')).toBe(false);
});

test('closing hides to the tray, and a second launch shows the first window instead of starting again', async () => {
  const { app, env, args } = launched;
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
    .toEqual([false]);
  const second = spawn(electron.path ?? '', args, { env, stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(exitCode).toBe(0);
  await expect
    .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible())))
    .toEqual([true]);
});
