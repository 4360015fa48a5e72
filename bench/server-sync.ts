// Benchmark: the server's share of a cold sync: reading 100,000 messages as /sync pages of 1000 over
// loopback (server in this process, client on node:http, pages read but not parsed). Prints a table.
// Run alone with `npx tsx bench/server-sync.ts`, or through `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_STAFF } from '../server/demo/accounts.js';
import { startPracticeServer } from '../server/start.js';

const MESSAGES = 100_000;
const PAGE = 1000;
const MAX_PAGES = 500; // bound: the feed holds ~100,100 changes, ~101 pages

export interface ServerSyncResult {
  messages: number;
  seedSeconds: number;
  changes: number;
  pages: number;
  seconds: number;
  megabytes: number;
}

function get(agent: Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.once('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    });
    req.once('error', reject);
    req.end();
  });
}

export async function benchServerSync(databaseUrl?: string): Promise<ServerSyncResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-server-sync-'));
  const seedStarted = performance.now();
  const server = await startPracticeServer({
    dataDir,
    databaseUrl,
    port: 0,
    demo: true,
    logger: false,
    demoBulkMessages: MESSAGES,
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const agent = new Agent({ keepAlive: true });
  try {
    const login = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_STAFF.frontdesk, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    let cursor = '';
    let changes = 0;
    let pages = 0;
    let bytes = 0;
    const started = performance.now();
    for (; pages < MAX_PAGES;) {
      const text = await get(
        agent,
        `${server.url}/api/v1/sync?limit=${PAGE}${cursor ? `&after=${cursor}` : ''}`,
        token,
      );
      pages += 1;
      bytes += text.length;
      // Only the tail is read: the client's parsing is the desktop benchmark's business.
      const tail = /"cursor":"([^"]+)","more":(true|false)}$/.exec(text);
      if (!tail?.[1]) throw new Error('unexpected page');
      changes += (text.match(/\{"kind":"(?:message|state|settings|user)"/g) ?? []).length;
      cursor = tail[1];
      if (tail[2] === 'false') break;
    }
    return {
      messages: MESSAGES,
      seedSeconds,
      changes,
      pages,
      seconds: (performance.now() - started) / 1000,
      megabytes: bytes / 1e6,
    };
  } finally {
    agent.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchServerSync();
  console.table({
    'server /sync, cold (pages of 1000)': {
      messages: result.messages,
      changes: result.changes,
      pages: result.pages,
      seconds: result.seconds.toFixed(2),
      'changes/s': Math.round(result.changes / result.seconds),
      MB: result.megabytes.toFixed(1),
      'seed s (not timed in target)': result.seedSeconds.toFixed(1),
    },
  });
}
