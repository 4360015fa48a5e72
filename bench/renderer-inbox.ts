// Benchmark: the renderer's inbox over 100,000 cached messages, in real Chromium through the browser host with
// the real engine and cache: time from clicking Messages to the first rows painted, rows in the DOM, JS heap.
// Run alone with `npx tsx bench/renderer-inbox.ts`, or through `npm run bench`.
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleWebEngine } from '../main/web/assemble-engine.js';
import { startWebHost } from '../main/web/web-host.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/accounts.js';
import { startPracticeServer } from '../server/start.js';
import { chromiumLaunchOptions } from '../tests/support/chromium.js';
import { atMost, report } from './report.js';

const MESSAGES = 100_000;
const RUNS = 5;
const root = resolve(fileURLToPath(import.meta.url), '../..');

export async function benchRendererInbox(): Promise<void> {
  const serverDir = mkdtempSync(join(tmpdir(), 'bench-renderer-server-'));
  const appDir = mkdtempSync(join(tmpdir(), 'bench-renderer-app-'));
  const server = await startPracticeServer({
    dataDir: serverDir,
    port: 0,
    demo: true,
    logger: false,
    demoBulkMessages: MESSAGES,
  });
  const engine = assembleWebEngine({
    appDataDir: appDir,
    practiceServerUrl: server.url,
    packageJsonPath: join(root, 'package.json'),
    notifier: { notify: () => undefined },
  });
  const synced = new Promise<void>((done) => {
    engine.subscribe((event, payload) => {
      if (event === 'syncStatus' && (payload as { initialSyncDone: boolean }).initialSyncDone) done();
    });
  });
  await engine.start();
  await engine.handlers.signIn({ serverUrl: server.url, email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD });
  await synced;
  const host = await startWebHost({ engine, rendererDir: join(root, 'out/renderer'), port: 0 });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const firstRows: number[] = [];
    let maxRows = 0;
    let heapMb = 0;
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.getByRole('link', { name: 'Messages' }).waitFor();
      const started = await page.evaluate(() => performance.now());
      await page.getByRole('link', { name: 'Messages' }).click();
      await page.locator('[data-testid="message-row"]').first().waitFor();
      // Painted: wait for the frame after the rows exist, measured in the page's own clock.
      const painted = await page.evaluate(
        () => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))),
      );
      firstRows.push(painted - started);
      for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 4000);
      maxRows = Math.max(maxRows, await page.locator('[data-testid="message-row"]').count());
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      heapMb = Math.max(heapMb, heap.usedSize / 2 ** 20);
      await page.close();
    }
    firstRows.sort((a, b) => a - b);
    report('renderer-inbox', [
      {
        name: `inbox first rows painted (median of ${RUNS})`,
        value: firstRows[Math.floor(RUNS / 2)] ?? NaN,
        unit: 'ms',
        target: atMost(500),
      },
      { name: 'inbox first rows painted (worst)', value: firstRows.at(-1) ?? NaN, unit: 'ms', target: atMost(500) },
      { name: 'rows in the DOM after scrolling', value: maxRows, unit: 'rows', target: atMost(100) },
      { name: 'JS heap after GC', value: heapMb, unit: 'MB', target: atMost(100) },
    ]);
  } finally {
    await browser.close();
    await host.close();
    await engine.stop();
    await server.close();
    rmSync(serverDir, { recursive: true, force: true });
    rmSync(appDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchRendererInbox();
