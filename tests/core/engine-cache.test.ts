// The engine's cache on disk: encrypted (no plaintext canary in db, -wal, -shm), recovered from
// corruption, a wrong key or a lost key by moving it aside and rebuilding from the server; unlock.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDir } from '../../main/core/session/account-manager.js';
import { accountKeyName } from '../../main/core/session/account-storage.js';
import { MemorySecretStore } from '../../main/core/stores/json-file-secret-store.js';
import {
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

let server: EngineTestServer;
beforeAll(async () => {
  server = await startEngineTestServer();
});
afterAll(async () => {
  await server?.cleanup();
});

function cacheFile(t: TestEngine, userId: string) {
  return path.join(accountDir(t.dir, server.url, userId), 'cache.db');
}

async function messageCount(t: TestEngine, practiceId: string) {
  let n = 0;
  for (const folder of ['inbox', 'sent', 'archived'] as const) {
    n += (await t.engine.handlers.listMessages({ practiceId, folder, limit: 200 })).rows.length;
  }
  return n;
}

describe('encryption at rest', () => {
  it('keeps a message canary out of the database, WAL and shm files', async () => {
    const t = makeEngine();
    try {
      const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
      const practiceId = session.practices[0]?.id ?? '';
      const lee = await waitFor(
        'directory',
        async () => (await t.engine.handlers.listStaff({ practiceId, query: 'lee' })).users[0],
      );
      const canary = 'CANARY-QUOKKA-93317';
      await t.engine.handlers.sendMessage({
        practiceId,
        to: [lee.id],
        subject: `About ${canary}`,
        body: `Body ${canary}`,
      });
      await t.engine.handlers.saveDraft({
        practiceId,
        draft: {
          to: [],
          patientId: null,
          encounterId: null,
          documentId: null,
          subject: canary,
          body: canary,
          attachments: [],
        },
      });
      await waitFor('delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
      expect((await t.engine.handlers.searchMessages({ practiceId, query: canary })).hits).toHaveLength(1);
      const file = cacheFile(t, session.user?.id ?? '');
      for (const suffix of ['', '-wal', '-shm']) {
        expect(fs.existsSync(file + suffix) || suffix === '-shm', suffix).toBe(true);
        if (!fs.existsSync(file + suffix)) continue;
        const bytes = fs.readFileSync(file + suffix);
        expect(bytes.includes(canary), `plaintext in cache${suffix}`).toBe(false);
        expect(bytes.includes(Buffer.from(canary, 'utf16le')), `utf16 in cache${suffix}`).toBe(false);
      }
      expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
      expect(fs.readFileSync(path.join(t.dir, 'secrets.json'), 'utf8')).not.toContain(DEMO_PASSWORD);
    } finally {
      await t.stop();
    }
  });
});

describe('recovery', () => {
  async function signedInThenStopped() {
    const t = makeEngine();
    const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
    const practiceId = session.practices[0]?.id ?? '';
    const count = await messageCount(t, practiceId);
    await t.stop();
    return { t, practiceId, count, file: cacheFile(t, session.user?.id ?? ''), userId: session.user?.id ?? '' };
  }

  async function restartAndExpectRecovered(t: TestEngine, practiceId: string, count: number, reason: string) {
    const again = makeEngine({ dir: t.dir, secrets: t.secrets });
    try {
      await again.engine.start();
      const recovered = again.last('cacheRecovered');
      expect(recovered?.reason).toBe(reason);
      expect(fs.existsSync(recovered?.movedTo ?? '')).toBe(true);
      await waitFor(
        'rebuilt',
        () => again.last('syncStatus')?.initialSyncDone && again.last('syncStatus')?.state === 'online',
      );
      expect(await messageCount(again, practiceId)).toBe(count);
    } finally {
      await again.stop();
    }
  }

  it('moves aside a corrupted cache, reports it, and rebuilds from the server', async () => {
    const { t, practiceId, count, file } = await signedInThenStopped();
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    // The last page holds data written after the schema (a damaged schema page reads as undecryptable).
    fs.writeSync(fd, Buffer.alloc(4096, 0x33), 0, 4096, size - 4096);
    fs.closeSync(fd);
    await restartAndExpectRecovered(t, practiceId, count, 'integrity_check_failed');
  });

  it('moves aside a cache the stored key cannot decrypt', async () => {
    const { t, practiceId, count, userId } = await signedInThenStopped();
    t.secrets.set(accountKeyName(server.url, userId), '0f'.repeat(32));
    await restartAndExpectRecovered(t, practiceId, count, 'undecryptable');
  });

  it('with secrets kept in memory only, nothing survives a restart and the old cache is moved aside at sign-in', async () => {
    const first = makeEngine({ secrets: new MemorySecretStore(false) });
    await signIn(first, server.url, 'frontdesk@sunrise.example');
    await first.stop();
    expect(fs.readdirSync(first.dir)).not.toContain('secrets.json');
    const second = makeEngine({ dir: first.dir, secrets: new MemorySecretStore(false) });
    try {
      await second.engine.start();
      expect((await second.engine.handlers.getSession({})).signedIn).toBe(false);
      await signIn(second, server.url, 'frontdesk@sunrise.example');
      expect(second.last('cacheRecovered')?.reason).toBe('key_unavailable');
    } finally {
      await second.stop();
    }
  });
});

describe('unlock', () => {
  it('checks the password with the server, and offline against the local verifier', async () => {
    const t = makeEngine();
    try {
      await signIn(t, server.url, 'frontdesk@sunrise.example');
      expect(await t.engine.handlers.unlock({ password: DEMO_PASSWORD })).toEqual({ unlocked: true });
      expect(await t.engine.handlers.unlock({ password: 'not-the-password' })).toEqual({ unlocked: false });
      await server.stop();
      expect(await t.engine.handlers.unlock({ password: DEMO_PASSWORD })).toEqual({ unlocked: true });
      expect(await t.engine.handlers.unlock({ password: 'not-the-password' })).toEqual({ unlocked: false });
    } finally {
      await t.stop();
      await server.restart();
    }
  });
});
