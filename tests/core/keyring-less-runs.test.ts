// Runs without a keyring (issue 13 item 9: Linux without a Secret Service keeps secrets in memory only). Each such
// start removes what earlier keyring-less runs left (it can never be decrypted), so copies don't pile up; but an
// account folder made while a keyring kept its key is never touched: its unsent message goes out once the keyring
// is back. Real server on loopback, real SQLite files.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountDir, accountsRoot, removeUndecryptableAccounts } from '../../main/core/session/account-storage.js';
import { JsonFileSecretStore, MemorySecretStore } from '../../main/core/stores/json-file-secret-store.js';
import {
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
} from '../support/engine-harness.js';
import { serverView } from './support/server-feed.js';

let server: EngineTestServer;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const DESK = 'frontdesk@sunrise.example';

/** Every file under `dir` (relative), sorted. */
const filesUnder = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => fs.statSync(path.join(dir, f)).isFile())
        .sort()
    : [];

/** One start without a keyring, as the Electron host does it: clean up, then sign in. */
async function keyringLessRun(dir: string): Promise<{ removed: number; recovered: unknown }> {
  const removed = removeUndecryptableAccounts(dir);
  const t = makeEngine({ dir, secrets: new MemorySecretStore(false) });
  try {
    await t.engine.start();
    expect((await t.engine.handlers.getSession({})).signedIn).toBe(false);
    await signIn(t, server.url, DESK);
    return { removed, recovered: t.last('cacheRecovered') };
  } finally {
    await t.stop();
  }
}

describe('starts without a keyring', () => {
  it('remove only what earlier keyring-less runs left, and never the account a keyring kept', async () => {
    server = await startEngineTestServer();
    cleanups.push(() => server.cleanup());
    // A run with a keyring: signed in, and a message written while the server was away waits in the outbox.
    const kept = makeEngine();
    const session = await signIn(kept, server.url, DESK);
    const practiceId = session.practices[0]?.id ?? '';
    const lee = await waitFor(
      'directory',
      async () => (await kept.engine.handlers.listStaff({ practiceId, query: 'lee' })).users[0],
    );
    const dir = kept.dir;
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const keptFolder = accountDir(dir, server.url, session.user?.id ?? '');
    try {
      await server.stop();
      await kept.engine.handlers.sendMessage({ practiceId, to: [lee.id], subject: 'Written offline', body: 'Wait.' });
      expect((await kept.engine.handlers.getOutbox({})).items).toHaveLength(1);
    } finally {
      await kept.stop();
      await server.restart();
    }
    const keptFiles = filesUnder(keptFolder);
    expect(keptFiles).toContain('cache.db');

    // Two starts without a keyring: the first finds nothing to remove, the second removes the first one's folder.
    // Neither moves the kept account's cache aside, nor touches its folder.
    expect(await keyringLessRun(dir)).toEqual({ removed: 0, recovered: undefined });
    expect(await keyringLessRun(dir)).toEqual({ removed: 1, recovered: undefined });
    expect(fs.readdirSync(accountsRoot(dir, false))).toHaveLength(1);
    expect(filesUnder(keptFolder)).toEqual(keptFiles);

    // The keyring is back: the saved session opens its own cache, and the message written offline goes out once.
    const back = makeEngine({ dir, secrets: new JsonFileSecretStore(path.join(dir, 'secrets.json')) });
    try {
      await back.engine.start();
      expect((await back.engine.handlers.getSession({})).signedIn).toBe(true);
      await waitFor('outbox drained', async () => (await back.engine.handlers.getOutbox({})).items.length === 0);
      const view = await serverView(server.url, 'dr.lee@sunrise.example');
      expect([...view.messages.values()].filter((m) => m.subject === 'Written offline')).toHaveLength(1);
      expect(back.last('cacheRecovered')).toBeUndefined();
    } finally {
      await back.stop();
    }
  });
});
