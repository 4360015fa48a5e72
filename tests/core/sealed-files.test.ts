// Attachment files sealed at rest (AES-256-GCM in chunks): round trips at chunk edges, and every
// kind of tampering (a flipped bit, a cut, an extra chunk, a swapped file, another key) is refused.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStore, sha256Hex, TamperedFileError } from '../../main/core/files/file-store.js';
import { CHUNK_BYTES, readSealed, writeSealed } from '../../main/core/files/sealed-file.js';

let dir: string;
const key = randomBytes(32);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sealed-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sealed files', () => {
  it.each([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])(
    'round-trips %i bytes, with no plaintext on disk',
    (size) => {
      const plain = Buffer.alloc(size, 'CANARY-');
      const file = path.join(dir, 'f');
      writeSealed(file, plain, key, 'files/f');
      expect(readSealed(file, key, 'files/f')?.equals(plain)).toBe(true);
      if (size >= 7) expect(fs.readFileSync(file).includes('CANARY-')).toBe(false);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    },
  );

  it('refuses a flipped bit, a cut at a chunk edge, an extra chunk, a swapped name and another key', () => {
    const plain = randomBytes(2 * CHUNK_BYTES + 100);
    const file = path.join(dir, 'f');
    const sealed = () => {
      writeSealed(file, plain, key, 'files/f');
      return fs.readFileSync(file);
    };
    const refused = (bytes: Buffer, label = 'files/f', withKey = key) => {
      fs.writeFileSync(file, bytes);
      expect(() => readSealed(file, withKey, label)).toThrow(TamperedFileError);
    };
    const good = sealed();
    const flipped = Buffer.from(good);
    flipped[good.length - 40] = (flipped[good.length - 40] ?? 0) ^ 1;
    refused(flipped);
    refused(good.subarray(0, good.length - 116)); // exactly the last chunk removed
    refused(Buffer.concat([good, good.subarray(24, 24 + CHUNK_BYTES + 16)]));
    refused(sealed(), 'files/other');
    refused(sealed(), 'files/f', randomBytes(32));
    refused(Buffer.from('plain text written by an older version'));
    expect(readSealed(path.join(dir, 'absent'), key, 'files/absent')).toBeNull();
  });
});

describe('FileStore', () => {
  const accountKey = randomBytes(32).toString('hex');

  it('removes a tampered fetched file and reports it; a staged one is reported and kept', () => {
    const store = new FileStore(dir, accountKey);
    const bytes = Buffer.from('attachment bytes');
    const sha = sha256Hex(bytes);
    expect(store.writeVerified(bytes, sha)).toBe(true);
    expect(store.writeVerified(bytes, sha256Hex(Buffer.from('other')))).toBe(false);
    expect(store.readVerified(sha)?.equals(bytes)).toBe(true);
    const file = path.join(dir, 'files', sha);
    fs.appendFileSync(file, 'x');
    expect(() => store.readVerified(sha)).toThrow(TamperedFileError);
    expect(fs.existsSync(file)).toBe(false);
    expect(store.readVerified(sha)).toBeNull();

    const staged = store.stage(bytes);
    expect(store.readStaged(staged.id)?.equals(bytes)).toBe(true);
    const stagedFile = path.join(dir, 'staged', staged.id);
    const sealed = fs.readFileSync(stagedFile);
    sealed[30] = (sealed[30] ?? 0) ^ 0xff;
    fs.writeFileSync(stagedFile, sealed);
    expect(() => store.readStaged(staged.id)).toThrow(TamperedFileError);
    expect(fs.existsSync(stagedFile)).toBe(true);
  });

  it('seals staged files an older version left in plain text and drops plain fetched copies, once', () => {
    const stagedId = 'staged-0b7c3a0e-8d6f-4f3e-9a51-3f0d2f6f1c2a';
    fs.mkdirSync(path.join(dir, 'staged'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'staged', stagedId), 'CANARY unsent work');
    fs.writeFileSync(path.join(dir, 'files', 'a'.repeat(64)), 'CANARY fetched copy');
    const store = new FileStore(dir, accountKey);
    expect(store.readStaged(stagedId)?.toString()).toBe('CANARY unsent work');
    expect(fs.readFileSync(path.join(dir, 'staged', stagedId)).includes('CANARY')).toBe(false);
    expect(fs.existsSync(path.join(dir, 'files', 'a'.repeat(64)))).toBe(false);
  });
});
