// Attachment bytes on disk: fetched files named by their sha256 (checked on every read and write),
// and files the user staged for sending, kept until the message that carries them is delivered.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../stores/write-file-atomic.js';

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export class FileStore {
  private readonly filesDir: string;
  private readonly stagedDir: string;

  constructor(accountDir: string) {
    this.filesDir = path.join(accountDir, 'files');
    this.stagedDir = path.join(accountDir, 'staged');
    fs.mkdirSync(this.filesDir, { recursive: true, mode: 0o700 });
    fs.mkdirSync(this.stagedDir, { recursive: true, mode: 0o700 });
  }

  /** The bytes with this hash, or null if absent or damaged (a damaged file is removed). */
  readVerified(sha256: string): Buffer | null {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const file = path.join(this.filesDir, sha256);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return null;
    }
    if (sha256Hex(bytes) === sha256) return bytes;
    fs.rmSync(file, { force: true });
    return null;
  }

  /** Stores bytes under their hash; false (nothing written) when they do not match `expected`. */
  writeVerified(bytes: Buffer, expected: string): boolean {
    if (sha256Hex(bytes) !== expected) return false;
    writeFileAtomic(path.join(this.filesDir, expected), bytes, 0o600);
    return true;
  }

  stage(bytes: Buffer): { id: string; sha256: string } {
    const id = `staged-${randomUUID()}`;
    writeFileAtomic(path.join(this.stagedDir, id), bytes, 0o600);
    return { id, sha256: sha256Hex(bytes) };
  }

  readStaged(id: string): Buffer | null {
    if (!/^staged-[0-9a-f-]{36}$/.test(id)) return null;
    try {
      return fs.readFileSync(path.join(this.stagedDir, id));
    } catch {
      return null;
    }
  }

  removeStaged(id: string): void {
    if (/^staged-[0-9a-f-]{36}$/.test(id)) fs.rmSync(path.join(this.stagedDir, id), { force: true });
  }
}
