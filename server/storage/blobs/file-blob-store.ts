// Attachment and document bytes in a folder (file://), each file named by its sha256. Bytes go to a
// temporary file in the folder's `.partial/` first and are renamed into place only when complete
// and fsynced (file, then its folder), so no reader sees a partial file and a row that names it
// never outlives a power cut that lost it. Several instances may share the folder.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { open, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { PRIVATE_FILE_MODE, privateDir } from '../private-files.js';
import type { BlobStore, ReceiveResult, StoredBlob } from './blob-store.js';
import { spoolToFile } from './spool.js';

/** Flushes a file's bytes, or a folder's entries, to the disk. */
export type SyncToDisk = (path: string) => Promise<void>;

const fsyncPath: SyncToDisk = async (path) => {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // Windows cannot open a folder; its file system journals renames itself.
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** A temporary file this old is a leftover of an upload cut short (requests end within 5 minutes). */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export class FileBlobStore implements BlobStore {
  private readonly blobDir: string;
  private readonly tmpDir: string;

  constructor(
    folder: string,
    /** Tests: observe the fsyncs. */
    private readonly syncToDisk: SyncToDisk = fsyncPath,
  ) {
    this.blobDir = folder;
    this.tmpDir = join(folder, '.partial');
    privateDir(this.blobDir);
    privateDir(this.tmpDir);
    // Leftovers of uploads cut short by a crash are never complete files. Another instance may be
    // writing a fresh one right now, so only old ones go.
    const now = Date.now();
    for (const name of readdirSync(this.tmpDir)) {
      const path = join(this.tmpDir, name);
      try {
        if (now - statSync(path).mtimeMs > STALE_PARTIAL_MS) void rm(path, { force: true });
      } catch {
        // gone already
      }
    }
  }

  close(): void {}

  pathOf(sha256: string): string {
    return join(this.blobDir, sha256);
  }

  read(sha256: string): Promise<Readable> {
    return Promise.resolve(createReadStream(this.pathOf(sha256)));
  }

  async removeIfOlderThan(sha256: string, before: number): Promise<void> {
    try {
      if ((await stat(this.pathOf(sha256))).mtimeMs >= before) return;
      await unlink(this.pathOf(sha256));
    } catch {
      // already gone
    }
  }

  /** Temporary files currently on disk (tests check nothing is left behind). */
  pendingTemporaryFiles(): string[] {
    return readdirSync(this.tmpDir);
  }

  storedCount(): number {
    return readdirSync(this.blobDir).filter((name) => !name.startsWith('.')).length;
  }

  writeBytes(bytes: Buffer): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const temp = join(this.tmpDir, `${randomUUID()}.part`);
    writeFileSync(temp, bytes, { mode: PRIVATE_FILE_MODE, flush: true });
    renameSync(temp, this.pathOf(sha256));
    return Promise.resolve({ sha256, size: bytes.length });
  }

  /** Streams `source` into `.partial/` (spool.ts), then places the complete file durably under its sha256. */
  async receive(source: Readable, limit: number): Promise<ReceiveResult> {
    const temp = join(this.tmpDir, `${randomUUID()}.part`);
    const spooled = await spoolToFile(source, limit, temp);
    if (!spooled.ok) return spooled;
    try {
      await this.placeDurably(temp, spooled.sha256);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return spooled;
  }

  /** fsync the complete file, rename it into place, then fsync the folder so the new name lasts too. */
  private async placeDurably(temp: string, sha256: string): Promise<void> {
    await this.syncToDisk(temp);
    renameSync(temp, this.pathOf(sha256));
    await this.syncToDisk(this.blobDir);
  }
}
