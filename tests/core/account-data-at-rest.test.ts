// What an account leaves on this computer, against a real server and real files: attachment bytes
// sealed with the account's own key (no plaintext canary anywhere under the data folder, tampering
// refused), one key per account, and sign-out removing that account's traces and nobody else's.
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountCache } from '../../main/core/cache/account-cache.js';
import { FileStore } from '../../main/core/files/file-store.js';
import { accountDir, accountKeyName } from '../../main/core/session/account-storage.js';
import {
  apiLogin,
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

/** Every file under `dir`, however deep. */
function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return entry.isFile() ? [full] : [];
  });
}

const canaryFile = (canary: string) => Buffer.from(`${canary} `.repeat(20_000)); // ~ 3 chunks of 64 KiB

/** Stages a canary file (noting the staged files it left) and sends it to Dr. Lee. */
async function sendWithFile(t: TestEngine, practiceId: string, canary: string) {
  const lee = await waitFor(
    'directory',
    async () => (await t.engine.handlers.listStaff({ practiceId, query: 'lee' })).users[0],
  );
  const bytes = canaryFile(canary);
  const staged = await t.engine.handlers.stageFile({
    name: 'scan.txt',
    mimeType: 'text/plain',
    base64: bytes.toString('base64'),
  });
  // Online, the send answers once delivered, and a delivered file's staged copy is gone by then.
  const stagedFiles = walk(path.join(t.dir, 'accounts')).filter((f) => f.includes(`${path.sep}staged${path.sep}`));
  const { messageId } = await t.engine.handlers.sendMessage({
    practiceId,
    to: [lee.id],
    subject: 'Scan attached',
    body: 'See the file.',
    attachments: [{ kind: 'file', id: staged.id }],
  });
  return { staged, messageId, bytes, stagedFiles };
}

async function attachmentOf(t: TestEngine, messageId: string) {
  const thread = await t.engine.handlers.getThread({ messageId });
  const attachment = thread.messages.at(-1)?.message.attachments.find((a) => a.kind === 'file');
  if (!attachment) throw new Error('no file attachment');
  return { messageId: thread.messages.at(-1)?.message.id ?? messageId, attachmentId: attachment.id };
}

/** Dr. Lee sends the front desk a message with a file, straight over HTTP. */
async function leeSendsFile(practiceId: string, deskId: string, bytes: Buffer) {
  const lee = await apiLogin(server.url, 'dr.lee@sunrise.example');
  const upload = await fetch(`${server.url}/api/v1/practices/${practiceId}/attachments`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${lee.token}`,
      'content-type': 'text/plain',
      'x-file-name': 'results.txt',
    },
    body: new Uint8Array(bytes),
  });
  const { attachment } = (await upload.json()) as { attachment: { id: string } };
  const sent = await lee.call('POST', `/practices/${practiceId}/messages`, {
    clientId: randomUUID(),
    to: [deskId],
    subject: 'Results',
    body: 'Attached.',
    attachments: [{ kind: 'file', id: attachment.id }],
  });
  if (sent.status !== 201) throw new Error(`send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  return (sent.body as { message: { id: string } }).message.id;
}

describe('attachment files at rest', () => {
  it('leaves no plaintext canary under the data folder after staging, sending and downloading', async () => {
    const t = makeEngine();
    try {
      const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
      const practiceId = session.practices[0]?.id ?? '';
      const canary = `CANARY-${randomBytes(6).toString('hex')}`;
      const { messageId, bytes, stagedFiles } = await sendWithFile(t, practiceId, canary);
      expect(stagedFiles.length).toBeGreaterThan(0);
      await waitFor('delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
      const sent = await t.engine.handlers.getAttachmentContent(await attachmentOf(t, messageId));
      expect(Buffer.from(sent.base64, 'base64').equals(bytes)).toBe(true);

      const incomingCanary = `CANARY-${randomBytes(6).toString('hex')}`;
      const incomingBytes = canaryFile(incomingCanary);
      const incomingId = await leeSendsFile(practiceId, session.user?.id ?? '', incomingBytes);
      const incoming = await waitFor('incoming synced', () =>
        t.engine.handlers.getThread({ messageId: incomingId }).catch(() => null),
      );
      const file = incoming.messages.at(-1)?.message.attachments[0];
      const downloaded = await t.engine.handlers.getAttachmentContent({
        messageId: incomingId,
        attachmentId: file?.id ?? '',
      });
      expect(Buffer.from(downloaded.base64, 'base64').equals(incomingBytes)).toBe(true);

      const files = walk(t.dir);
      expect(files.filter((f) => f.includes(`${path.sep}files${path.sep}`))).toHaveLength(2);
      for (const f of files) {
        const content = fs.readFileSync(f);
        for (const c of [canary, incomingCanary]) {
          expect(content.includes(c), `plaintext in ${path.relative(t.dir, f)}`).toBe(false);
          expect(content.includes(Buffer.from(c, 'utf16le')), `utf16 in ${path.relative(t.dir, f)}`).toBe(false);
        }
      }
    } finally {
      await t.stop();
    }
  });

  it('refuses a tampered downloaded file (then fetches a fresh copy) and a tampered staged file', async () => {
    const t = makeEngine();
    try {
      const session = await signIn(t, server.url, 'frontdesk@sunrise.example');
      const practiceId = session.practices[0]?.id ?? '';
      const { messageId, bytes } = await sendWithFile(t, practiceId, 'first');
      await waitFor('delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
      const ref = await attachmentOf(t, messageId);
      const [saved] = walk(path.join(t.dir, 'accounts')).filter((f) => f.includes(`${path.sep}files${path.sep}`));
      const sealed = fs.readFileSync(saved ?? '');
      sealed[sealed.length - 20] = (sealed[sealed.length - 20] ?? 0) ^ 1;
      fs.writeFileSync(saved ?? '', sealed);
      await expect(t.engine.handlers.getAttachmentContent(ref)).rejects.toMatchObject({ code: 'file_damaged' });
      const fresh = await t.engine.handlers.getAttachmentContent(ref);
      expect(Buffer.from(fresh.base64, 'base64').equals(bytes)).toBe(true);

      const staged = await t.engine.handlers.stageFile({ name: 'b.txt', mimeType: 'text/plain', base64: 'c2Vjb25k' });
      const stagedFile = walk(t.dir).find((f) => f.endsWith(staged.id)) ?? '';
      fs.appendFileSync(stagedFile, Buffer.alloc(1));
      const lee = (await t.engine.handlers.listStaff({ practiceId, query: 'lee' })).users[0]?.id ?? '';
      await t.engine.handlers.sendMessage({
        practiceId,
        to: [lee],
        subject: 'Second scan',
        body: 'See the file.',
        attachments: [{ kind: 'file', id: staged.id }],
      });
      const failed = await waitFor('refused', async () =>
        (await t.engine.handlers.getOutbox({})).items.find((i) => i.status === 'failed'),
      );
      expect(failed.error).toMatch(/changed or damaged/);
    } finally {
      await t.stop();
    }
  });
});

describe('one key per account, and sign-out', () => {
  it("gives two accounts on one data folder distinct keys; signing out one removes its traces and keeps the other's", async () => {
    const t = makeEngine();
    try {
      const desk = await signIn(t, server.url, 'frontdesk@sunrise.example');
      const deskId = desk.user?.id ?? '';
      const sunrise = desk.practices[0]?.id ?? '';
      await sendWithFile(t, sunrise, 'desk-file');
      await waitFor('desk delivered', async () => (await t.engine.handlers.getOutbox({})).items.length === 0);
      const draft = {
        to: [],
        patientId: null,
        encounterId: null,
        documentId: null,
        subject: 'desk draft',
        body: 'b',
        attachments: [],
      };
      await t.engine.handlers.saveDraft({ practiceId: sunrise, draft });

      const lee = await signIn(t, server.url, 'dr.lee@sunrise.example');
      const leeId = lee.user?.id ?? '';
      await t.engine.handlers.stageFile({ name: 'l.txt', mimeType: 'text/plain', base64: 'bGVl' });
      await t.engine.handlers.saveDraft({ practiceId: sunrise, draft: { ...draft, subject: 'lee draft' } });
      const deskKey = t.secrets.get(accountKeyName(server.url, deskId));
      const leeKey = t.secrets.get(accountKeyName(server.url, leeId));
      expect(deskKey).toMatch(/^[0-9a-f]{64}$/);
      expect(leeKey).toMatch(/^[0-9a-f]{64}$/);
      expect(leeKey).not.toBe(deskKey);

      // A moved-aside copy of Lee's cache too: restart with a wrong key for Lee.
      await t.stop();
      t.secrets.set(accountKeyName(server.url, leeId), '0f'.repeat(32));
      const again = makeEngine({ dir: t.dir, secrets: t.secrets });
      try {
        await again.engine.start();
        expect(again.last('cacheRecovered')?.reason).toBe('undecryptable');
        const leeDir = accountDir(t.dir, server.url, leeId);
        expect(walk(leeDir).some((f) => f.includes('.broken-'))).toBe(true);
        const deskFilesBefore = walk(accountDir(t.dir, server.url, deskId));

        await again.engine.handlers.signOut({});
        expect(fs.existsSync(leeDir)).toBe(false);
        expect(walk(t.dir).filter((f) => f.includes(path.basename(leeDir)))).toEqual([]);
        expect(t.secrets.get(accountKeyName(server.url, leeId))).toBeNull();
        expect(t.secrets.get('token')).toBeNull();
        expect(fs.readFileSync(path.join(t.dir, 'secrets.json'), 'utf8')).not.toContain(leeId);

        // The front desk's account is untouched, and still readable with its own key.
        expect(walk(accountDir(t.dir, server.url, deskId))).toEqual(deskFilesBefore);
        const cache = await AccountCache.open(
          path.join(accountDir(t.dir, server.url, deskId), 'cache.db'),
          deskKey ?? '',
          true,
          deskId,
        );
        try {
          expect(cache.recovered).toBeNull();
          expect(cache.reader.draft<{ subject: string }>(sunrise)?.subject).toBe('desk draft');
          expect(cache.reader.listFolder(sunrise, 'sent', null, 50).rows.length).toBeGreaterThan(0);
        } finally {
          await cache.close();
        }
        const store = new FileStore(accountDir(t.dir, server.url, deskId), deskKey ?? '');
        const [fetched] = fs.readdirSync(path.join(accountDir(t.dir, server.url, deskId), 'files'));
        expect(store.readVerified(fetched ?? '')?.includes('desk-file')).toBe(true);
      } finally {
        await again.stop();
      }
    } finally {
      await t.stop();
    }
  });
});
