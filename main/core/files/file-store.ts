// Attachment bytes on disk, sealed with the account's key (sealed-file.ts): fetched files named by
// their sha256, and files the user staged for sending, kept until the message that carries them is delivered.
import { createHash, hkdfSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isSealed, readSealed, TamperedFileError, writeSealed } from './sealed-file.js';

export { TamperedFileError };

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;
const STAGED_ID = /^staged-[0-9a-f-]{36}$/;

/** Its own key for files, derived from the account's key: the cache (SQLCipher) and the files never share one. */
export function fileKeyFromAccountKey(accountKeyHex: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(accountKeyHex, 'hex'), Buffer.alloc(0), 'attachment files', 32));
}

export class FileStore {
  private readonly filesDir: string;
  private readonly stagedDir: string;
  private readonly key: Buffer;

  constructor(accountDir: string, accountKeyHex: string) {
    this.filesDir = path.join(accountDir, 'files');
    this.stagedDir = path.join(accountDir, 'staged');
    this.key = fileKeyFromAccountKey(accountKeyHex);
    fs.mkdirSync(this.filesDir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(this.stagedDir, { recursive: true, mode: 0o700 });
    this.sealLegacyFiles();
  }

  /**
   * The bytes with this hash, or null if absent. A file that fails authentication or its hash is
   * removed (so the next read fetches a fresh copy) and reported with TamperedFileError.
   */
  readVerified(sha256: string): Buffer | null {
    if (!SHA256.test(sha256)) return null;
    const file = path.join(this.filesDir, sha256);
    const bytes = this.readOrRemove(file, `files/${sha256}`);
    if (bytes === null || sha256Hex(bytes) === sha256) return bytes;
    fs.rmSync(file, { force: true });
    throw new TamperedFileError();
  }

  /** Stores bytes under their hash; false (nothing written) when they do not match `expected`. */
  writeVerified(bytes: Buffer, expected: string): boolean {
    if (!SHA256.test(expected) || sha256Hex(bytes) !== expected) return false;
    writeSealed(path.join(this.filesDir, expected), bytes, this.key, `files/${expected}`);
    return true;
  }

  stage(bytes: Buffer): { id: string; sha256: string } {
    const id = `staged-${randomUUID()}`;
    writeSealed(path.join(this.stagedDir, id), bytes, this.key, `staged/${id}`);
    return { id, sha256: sha256Hex(bytes) };
  }

  /** A staged file's bytes, or null if absent; TamperedFileError (file kept, for the user to see) if changed. */
  readStaged(id: string): Buffer | null {
    if (!STAGED_ID.test(id)) return null;
    return readSealed(path.join(this.stagedDir, id), this.key, `staged/${id}`);
  }

  removeStaged(id: string): void {
    if (STAGED_ID.test(id)) fs.rmSync(path.join(this.stagedDir, id), { force: true });
  }

  private readOrRemove(file: string, label: string): Buffer | null {
    try {
      return readSealed(file, this.key, label);
    } catch (error) {
      fs.rmSync(file, { force: true });
      // No name or hash here: the log must not help anyone link a file to a patient.
      console.warn('files: a saved attachment failed its integrity check and was removed');
      throw error;
    }
  }

  /**
   * Versions before sealing wrote plain files. Fetched ones are dropped (the server has them);
   * staged ones are the user's unsent work, so they are sealed in place. Runs once per account.
   */
  private sealLegacyFiles(): void {
    const done = path.join(path.dirname(this.filesDir), '.files-sealed');
    if (fs.existsSync(done)) return;
    for (const name of fs.readdirSync(this.filesDir)) {
      const file = path.join(this.filesDir, name);
      if (!isSealed(file)) fs.rmSync(file, { force: true });
    }
    for (const name of fs.readdirSync(this.stagedDir)) {
      const file = path.join(this.stagedDir, name);
      if (STAGED_ID.test(name) && !isSealed(file)) {
        writeSealed(file, fs.readFileSync(file), this.key, `staged/${name}`);
      }
    }
    fs.writeFileSync(done, '', { mode: 0o600 });
  }
}
