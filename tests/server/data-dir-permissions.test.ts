// The data folder holds PHI: it is 0700 and every file in it 0600 (database, WAL, SHM, attachment
// files), on a fresh folder, after writes, and for a folder an older version left world-readable.
// An uploaded file is fsynced, and its folder after the rename, before the upload is answered.
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadResponse } from '../../common/http/index.js';
import { FileBlobStore } from '../../server/storage/blobs/file-blob-store.js';
import { signInDemo } from '../support/practice-server-demo.js';
import { onPostgres } from '../support/practice-server-postgres.js';
import { uploadStream } from '../support/practice-server-upload.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every entry under `dir` (recursively) with its mode, e.g. {"blobs": "700", "practice.sqlite": "600"}. */
function modes(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out[prefix + entry.name] = mode(path);
    if (entry.isDirectory()) Object.assign(out, modes(path, `${prefix}${entry.name}/`));
  }
  return out;
}

const expectPrivate = (dir: string): void => {
  expect(mode(dir)).toBe('700');
  const all = modes(dir);
  // On PostgreSQL the data folder holds the attachment files only; the database is PostgreSQL's.
  const database = onPostgres() ? [] : ['practice.sqlite', 'practice.sqlite-wal', 'practice.sqlite-shm'];
  expect(Object.keys(all)).toEqual(expect.arrayContaining([...database, 'blobs', 'blobs/.partial']));
  for (const [name, m] of Object.entries(all)) expect(`${name} ${m}`).toMatch(/ (600|700)$/);
};

let parent: string;
beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'practice-server-perms-'));
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('data folder permissions', () => {
  let server: TestPracticeServer;
  afterAll(() => server?.cleanup());

  it('creates a fresh data folder 0700 with 0600 files, and keeps them so after uploads and sends', async () => {
    const dataDir = join(parent, 'fresh', 'data');
    server = await startTestServer({ dataDir });
    expectPrivate(dataDir);
    const w = await signInDemo(server.url);
    const upload = await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 70_000,
    });
    const { attachment } = UploadResponse.parse(upload.body);
    const sent = await w.desk.api('POST', `/practices/${w.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [w.lee.login.user.id],
      subject: 'File',
      body: 'Attached.',
      attachments: [{ kind: 'file', id: attachment.id }],
    });
    expect(sent.status).toBe(201);
    expect(mode(join(dataDir, 'blobs', attachment.sha256))).toBe('600');
    expectPrivate(dataDir);
  });

  it('tightens a data folder and database an older version left readable to all', async () => {
    const dataDir = join(parent, 'older');
    const first = await startTestServer({ dataDir });
    await first.close();
    chmodSync(dataDir, 0o755);
    if (!onPostgres()) chmodSync(join(dataDir, 'practice.sqlite'), 0o644);
    const again = await startTestServer({ dataDir });
    try {
      expectPrivate(dataDir);
    } finally {
      await again.close();
    }
  });
});

describe('durable uploads', () => {
  it('fsyncs the file, then renames it, then fsyncs its folder, before receive resolves', async () => {
    const root = join(parent, 'blobs-only');
    mkdirSync(root);
    const synced: { path: string; placed: boolean }[] = [];
    let sha = '';
    const store = new FileBlobStore(join(root, 'blobs'), (path: string) => {
      synced.push({ path, placed: sha !== '' && readdirSync(join(root, 'blobs')).includes(sha) });
      return Promise.resolve();
    });
    const bytes = Buffer.from('a small lab result');
    sha = createHash('sha256').update(bytes).digest('hex');
    const result = await store.receive(Readable.from([bytes]), 1024);
    expect(result).toMatchObject({ ok: true, sha256: sha });
    expect(synced).toEqual([
      { path: expect.stringMatching(/[/\\]\.partial[/\\][^/\\]+\.part$/) as unknown, placed: false },
      { path: join(root, 'blobs'), placed: true },
    ]);
  });
});
