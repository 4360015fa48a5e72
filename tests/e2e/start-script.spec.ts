// The README's main command, as a new user on a machine without Electron would run it: `npm start` must say
// why it falls back, print the browser host's address on a line of its own, and that page must show the app.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let child: ChildProcess | undefined;
let home: string | undefined;

test.afterEach(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    // Like Ctrl+C in a terminal: the signal goes to the whole process group (npm, the start script, the
    // server and the browser host), so nothing is left running after the test.
    process.kill(-child.pid, 'SIGINT');
    await exited;
  }
  if (home) rmSync(home, { recursive: true, force: true });
});

test('npm start falls back to the browser host and prints an address that opens the app', async ({ page }) => {
  test.setTimeout(180_000);
  home = mkdtempSync(join(tmpdir(), 'pm-start-home-'));
  // PM_NO_ELECTRON_DOWNLOAD makes the fallback deterministic on machines that could download Electron.
  child = spawn('npm', ['start'], {
    detached: true,
    env: { ...process.env, HOME: home, PM_NO_ELECTRON_DOWNLOAD: '1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^(http:\/\/127\.0\.0\.1:\d+\/\?secret=[0-9a-f]+)$/m);
      if (match?.[1]) resolve(match[1]);
    };
    child?.stdout?.on('data', onData);
    child?.stderr?.on('data', onData);
    child?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  expect(output).toMatch(
    /Electron's binary could not be obtained \(downloads are turned off\); opening the browser host instead\./,
  );
  expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  await page.goto(url);
  await expect(page).toHaveTitle('Practice Messenger');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Server')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/);
  const serverUrl = output.match(/^Practice server: (http:\/\/127\.0\.0\.1:\d+)$/m)?.[1];
  expect(serverUrl).toBeTruthy();

  // Ctrl+C stops everything it started: neither the browser host nor the demo server answers afterwards.
  const exited = new Promise((resolve) => child?.once('exit', resolve));
  process.kill(-(child.pid ?? 0), 'SIGINT');
  await exited;
  await expect
    .poll(() =>
      fetch(url).then(
        () => 'answering',
        () => 'closed',
      ),
    )
    .toBe('closed');
  await expect
    .poll(() =>
      fetch(`${serverUrl}/api/v1/health`).then(
        () => 'answering',
        () => 'closed',
      ),
    )
    .toBe('closed');
});
