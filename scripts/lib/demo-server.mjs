// The demo practice server of `npm start` / `npm run start:web`: one per data folder. The first start records its
// address in the folder; a second start (say start:web beside a running npm start) reuses that server instead of
// opening the same SQLite files from a second process, where live updates would not cross.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preferredPort } from './free-port.mjs';
import { startAndWaitForLine } from './processes.mjs';

const RECORD = 'demo-server.json';

const isAlive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM'; // alive, but another user's
  }
};

async function answersHealth(url) {
  try {
    const response = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(3_000) });
    return response.ok && (await response.json()).status === 'ok';
  } catch {
    return false;
  }
}

/** The address of a demo server already serving `dataDir`, or null (a stale record is removed). */
export async function runningDemoServer(dataDir) {
  const file = join(dataDir, RECORD);
  let record;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (Number.isInteger(record?.pid) && typeof record.url === 'string' && isAlive(record.pid)) {
    if (await answersHealth(record.url)) return record.url;
  }
  rmSync(file, { force: true });
  return null;
}

/**
 * Reuses the demo server of `dataDir` when one runs, else starts one and records it there.
 * Resolves { url, child } (child is null when reused); `forget()` removes the record once this server stops.
 */
export async function startOrReuseDemoServer(root, dataDir, { port, env = process.env } = {}) {
  const running = await runningDemoServer(dataDir);
  if (running) return { url: running, child: null, reused: true };
  const { child, match } = await startAndWaitForLine(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/cli.ts'), '--demo'],
    {
      cwd: root,
      env: { LOG_LEVEL: 'warn', ...env, DATA_DIR: dataDir, PORT: String(port ?? (await preferredPort(8787))) },
    },
    /Practice server listening on (http:\/\/\S+)/,
    60_000,
  );
  const url = match[1];
  const file = join(dataDir, RECORD);
  writeFileSync(file, JSON.stringify({ pid: child.pid, url }));
  child.once('exit', () => {
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).pid === child.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  });
  return { url, child, reused: false };
}
