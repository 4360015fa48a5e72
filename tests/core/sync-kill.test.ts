// A child process syncing is killed with SIGKILL at random moments, at least 20 times; the cache
// it leaves must then match the server exactly: nothing lost, nothing doubled, integrity ok.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { openReadOnly } from '../../main/core/cache/driver.js';
import { accountDir } from '../../main/core/session/account-manager.js';
import { accountKeyName } from '../../main/core/session/account-storage.js';
import { JsonFileSecretStore } from '../../main/core/stores/json-file-secret-store.js';
import { apiLogin, DEMO_PASSWORD, startEngineTestServer, type EngineTestServer } from '../support/engine-harness.js';
import { serverView } from './support/server-feed.js';

const CHILD = path.join(import.meta.dirname, 'support', 'sync-child.ts');
const KILLS = 20;
const EXTRA_MESSAGES = 300;

let server: EngineTestServer;
let dir: string;

beforeAll(async () => {
  server = await startEngineTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-kill-'));
  const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
  const front = await apiLogin(server.url, 'frontdesk@sunrise.example');
  const practiceId = lee.practices[0]?.id ?? '';
  for (let i = 0; i < EXTRA_MESSAGES; i++) {
    const r = await lee.call('POST', `/practices/${practiceId}/messages`, {
      clientId: randomUUID(),
      to: [front.user.id],
      subject: `Bulk ${i}`,
      body: `Message number ${i}`,
    });
    if (r.status !== 201) throw new Error(`seed failed: ${r.status}`);
  }
}, 120_000);
afterAll(async () => {
  await server?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the child; kills it a few ms after its `afterPages`-th progress line, or lets it finish when null. */
const startCounts: number[] = [];
function runChild(kill: { afterPages: number; extraMs: number } | null): Promise<'killed' | 'done'> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dir, server.url, 'frontdesk@sunrise.example', DEMO_PASSWORD],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    let armed = false;
    let counted = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const progress = out.split('\n').filter((line) => line.startsWith('page'));
      const pages = progress.length;
      if (pages > 0 && !counted) {
        counted = true;
        startCounts.push(Number(progress[0]?.split(' ')[1]));
      }
      if (kill && !armed && pages >= kill.afterPages) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), kill.extraMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && out.includes('done')) resolve('done');
      else reject(new Error(`child exited with ${code ?? signal}`));
    });
  });
}

it(`survives ${KILLS} SIGKILLs mid-sync and ends identical to the server`, async () => {
  let killedMidway = 0;
  for (let i = 0; i < KILLS; i++) {
    // A random page, then a random few ms: lands inside a transaction, between pages, or in a fetch.
    const outcome = await runChild({
      afterPages: 1 + Math.floor(Math.random() * 4),
      extraMs: Math.floor(Math.random() * 12),
    });
    if (outcome === 'killed') killedMidway++;
  }
  expect(killedMidway).toBe(KILLS);
  // Each run resumed where the last one stopped instead of starting over.
  expect(startCounts).toEqual([...startCounts].sort((a, b) => a - b));
  expect(startCounts.at(-1)).toBeGreaterThan(startCounts[1] ?? 0);
  expect(await runChild(null)).toBe('done');

  const secrets = new JsonFileSecretStore(path.join(dir, 'secrets.json'));
  const session = JSON.parse(secrets.get('session') ?? '{}') as { serverUrl: string; user: { id: string } };
  const file = path.join(accountDir(dir, session.serverUrl, session.user.id), 'cache.db');
  const key = secrets.get(accountKeyName(session.serverUrl, session.user.id)) ?? '';
  const cache = await AccountCache.open(file, key, true, session.user.id);
  const peek = openReadOnly(file, key);
  try {
    expect(cache.recovered).toBeNull();
    const ids = peek
      .prepare<[], { id: string }>('SELECT id FROM messages')
      .all()
      .map((r) => r.id);
    const view = await serverView(server.url, 'frontdesk@sunrise.example');
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.sort()).toEqual([...view.messages.keys()].sort());
    expect(view.messages.size).toBeGreaterThanOrEqual(EXTRA_MESSAGES);
    const states = peek
      .prepare<[], { id: string; read: number }>(
        'SELECT m.id, b.read FROM messages m JOIN mailbox_state b ON b.message_rowid = m.rowid',
      )
      .all();
    for (const s of states) expect(s.read === 1, s.id).toBe(view.states.get(s.id)?.read);
    // Search indexing trails storage: the check indexes what is left, then checks the index against the rows.
    expect(await cache.writer.checkIntegrity()).toEqual({ integrity: 'ok', searchIndex: 'ok' });
    const fts = peek
      .prepare<[], { n: number }>(`SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH '"bulk"'`)
      .get();
    expect(fts?.n).toBe(EXTRA_MESSAGES);
  } finally {
    peek.close();
    await cache.close();
  }
}, 170_000);
