// Issue 14 item 4: `npm run start:web` beside a running `npm start` must reuse its demo server, not open the same
// data folder from a second server process. Real demo servers (server/cli.ts) on loopback, real data folders.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningDemoServer, startOrReuseDemoServer } from '../../scripts/lib/demo-server.mjs';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'pm-demo-reuse-'));
const started: ChildProcess[] = [];

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

afterAll(async () => {
  await Promise.all(started.map(stop));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo server of a data folder', () => {
  it('is started once; a second start reuses it (same address, no second process)', async () => {
    const first = await startOrReuseDemoServer(root, dataDir, { port: 0 });
    if (first.child) started.push(first.child);
    expect(first.reused).toBe(false);
    expect(first.child?.pid).toBeGreaterThan(0);

    const second = await startOrReuseDemoServer(root, dataDir, { port: 0 });
    expect(second).toEqual({ url: first.url, child: null, reused: true });
    const health = await fetch(`${second.url}/api/v1/health`);
    expect(health.status).toBe(200);
  });

  it('starts a new one once the recorded server has stopped, and forgets the old record', async () => {
    const first = started[0];
    if (!first) throw new Error('the first test did not start a server');
    await stop(first);
    expect(existsSync(join(dataDir, 'demo-server.json'))).toBe(false);
    const again = await startOrReuseDemoServer(root, dataDir, { port: 0 });
    if (again.child) started.push(again.child);
    expect(again.reused).toBe(false);
    expect(again.child?.pid).not.toBe(first.pid);
  });

  it('ignores a record whose process is gone or whose address does not answer', async () => {
    const other = mkdtempSync(join(tmpdir(), 'pm-demo-stale-'));
    try {
      writeFileSync(join(other, 'demo-server.json'), JSON.stringify({ pid: 2 ** 22 + 7, url: 'http://127.0.0.1:9' }));
      expect(await runningDemoServer(other)).toBeNull();
      expect(existsSync(join(other, 'demo-server.json'))).toBe(false);
      writeFileSync(join(other, 'demo-server.json'), JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:9' }));
      expect(await runningDemoServer(other)).toBeNull();
      writeFileSync(join(other, 'demo-server.json'), 'not json');
      expect(await runningDemoServer(other)).toBeNull();
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
