// Streams an upload into a temporary file while hashing it, and stops at the limit: the size is
// decided while streaming, never by buffering. Both attachment stores receive through it.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { PRIVATE_FILE_MODE } from '../private-files.js';

export type SpoolResult = { ok: true; sha256: string; size: number } | { ok: false; reason: 'too_large' };

/**
 * Writes `source` to `temp` (0600), hashing as it goes; resolves once the file is complete and
 * closed. Past `limit` bytes it stops writing, deletes `temp` and lets the rest of the body be
 * drained (discarded), so that the caller can still answer 413. Rejects (and deletes `temp`) when
 * the stream breaks.
 */
export function spoolToFile(source: Readable, limit: number, temp: string): Promise<SpoolResult> {
  const file = createWriteStream(temp, { mode: PRIVATE_FILE_MODE });
  const hash = createHash('sha256');
  let size = 0;
  return new Promise<SpoolResult>((resolve, reject) => {
    let settled = false;
    const fail = (outcome: { error: Error } | { tooLarge: true }): void => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.resume();
      file.destroy();
      void unlink(temp)
        .catch(() => undefined)
        .then(() => ('error' in outcome ? reject(outcome.error) : resolve({ ok: false, reason: 'too_large' })));
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) return fail({ tooLarge: true });
      hash.update(chunk);
      if (!file.write(chunk)) {
        source.pause();
        file.once('drain', () => source.resume());
      }
    };
    source.on('data', onData);
    source.once('error', (error) => fail({ error }));
    source.once('aborted', () => fail({ error: new Error('upload aborted') }));
    file.once('error', (error) => fail({ error }));
    source.once('end', () => {
      if (settled) return;
      file.end(() => {
        if (settled) return;
        settled = true;
        resolve({ ok: true, sha256: hash.digest('hex'), size });
      });
    });
  });
}
