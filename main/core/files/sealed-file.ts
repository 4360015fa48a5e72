// Attachment bytes sealed at rest: AES-256-GCM in 64 KiB chunks (the STREAM construction), so a
// 10 MiB file is encrypted and decrypted chunk by chunk, never held twice, and any change is caught.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';

/** Layout: MAGIC | salt (16) | chunks of (ciphertext <= CHUNK_BYTES, tag 16). */
const MAGIC = Buffer.from('PMSEAL1\n');
const SALT_BYTES = 16;
const TAG_BYTES = 16;
export const CHUNK_BYTES = 64 * 1024;
const HEADER_BYTES = MAGIC.length + SALT_BYTES;

/** The file was changed, cut short or is not ours: its content is refused, never shown. */
export class TamperedFileError extends Error {
  constructor(
    message = 'An attachment saved on this computer was changed or damaged, so it was not used. Open or attach it again.',
  ) {
    super(message);
    this.name = 'TamperedFileError';
  }
}

/** One key per file, derived from the account's file key and the file's random salt. */
function fileKey(accountFileKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', accountFileKey, salt, 'practice-messenger sealed file v1', 32));
}

/** Chunk i's nonce is its index; the AAD binds the header, the file's name, the index and "last chunk". */
function chunkParams(header: Buffer, label: string, index: number, last: boolean) {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  const position = Buffer.alloc(9);
  position.writeBigUInt64BE(BigInt(index));
  position[8] = last ? 1 : 0;
  return { nonce, aad: Buffer.concat([header, Buffer.from(label, 'utf8'), position]) };
}

/** Does the file start with our header? (Files written before sealing existed do not.) */
export function isSealed(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `plain` sealed to `file` through a temp file, fsynced and renamed: a crash leaves the old
 * file or the new one. `label` (the file's name in its folder) is bound in, so files can't be swapped.
 */
export function writeSealed(file: string, plain: Buffer, accountFileKey: Buffer, label: string): void {
  const salt = randomBytes(SALT_BYTES);
  const header = Buffer.concat([MAGIC, salt]);
  const key = fileKey(accountFileKey, salt);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, header);
    const chunks = Math.max(1, Math.ceil(plain.length / CHUNK_BYTES));
    for (let i = 0; i < chunks; i++) {
      const { nonce, aad } = chunkParams(header, label, i, i === chunks - 1);
      const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad);
      const part = plain.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
      fs.writeSync(fd, cipher.update(part));
      fs.writeSync(fd, cipher.final());
      fs.writeSync(fd, cipher.getAuthTag());
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  fs.renameSync(temp, file);
}

/** The plain bytes of a sealed file; null when absent. Throws TamperedFileError when it fails authentication. */
export function readSealed(file: string, accountFileKey: Buffer, label: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    if (size < HEADER_BYTES + TAG_BYTES || fs.readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES) {
      throw new TamperedFileError();
    }
    if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new TamperedFileError();
    const key = fileKey(accountFileKey, header.subarray(MAGIC.length));
    const body = size - HEADER_BYTES;
    const chunks = Math.ceil(body / (CHUNK_BYTES + TAG_BYTES));
    const plain = Buffer.alloc(body - chunks * TAG_BYTES);
    const sealedChunk = Buffer.alloc(CHUNK_BYTES + TAG_BYTES);
    let offset = HEADER_BYTES;
    for (let i = 0; i < chunks; i++) {
      const length = Math.min(CHUNK_BYTES + TAG_BYTES, size - offset);
      if (length < TAG_BYTES || fs.readSync(fd, sealedChunk, 0, length, offset) !== length) {
        throw new TamperedFileError();
      }
      offset += length;
      const { nonce, aad } = chunkParams(header, label, i, i === chunks - 1);
      const decipher = createDecipheriv('aes-256-gcm', key, nonce).setAAD(aad);
      decipher.setAuthTag(sealedChunk.subarray(length - TAG_BYTES, length));
      const at = i * CHUNK_BYTES;
      try {
        decipher.update(sealedChunk.subarray(0, length - TAG_BYTES)).copy(plain, at);
        decipher.final();
      } catch {
        plain.fill(0); // what was decrypted so far is never handed out
        throw new TamperedFileError();
      }
    }
    return plain;
  } finally {
    fs.closeSync(fd);
  }
}
