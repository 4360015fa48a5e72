// `npm run server:cluster`: PostgreSQL, two instances and the round-robin proxy come up with one
// command, serve sign-in, sync and the live socket through the proxy, and stop cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../../support/practice-server-client.js';
import { openLive } from '../../support/practice-server-live.js';
import { signInStaff } from '../../support/practice-server-session.js';
import { DEMO_STAFF } from '../../../server/demo/accounts.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('npm run server:cluster', () => {
  it('serves through its proxy and stops everything on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/server-cluster.ts')], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let postgresPort = 0;
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no listening line within 60 s')), 60_000);
        createInterface({ input: child.stdout }).on('line', (line) => {
          const port = /private cluster on port (\d+)/.exec(line)?.[1];
          if (port) postgresPort = Number(port);
          const match = /^Practice cluster listening on (\S+)$/.exec(line);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      const login = await signInStaff(url, DEMO_STAFF.frontdesk);
      for (let i = 0; i < 4; i += 1)
        expect((await apiClient(url, login.token)('GET', '/sync?limit=10')).status).toBe(200);
      const live = await openLive(url);
      live.socket.send(JSON.stringify({ type: 'auth', token: login.token }));
      await live.next((m) => m.type === 'ready');
      live.socket.close();
      expect(postgresPort).toBeGreaterThan(0);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await portAnswers(postgresPort)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
