// Test helper: streams an attachment of a given size to the practice server without holding it
// in memory (one reused chunk), optionally without Content-Length (chunked) or with a false one.
import { createHash } from 'node:crypto';
import { request } from 'node:http';

export interface UploadOutcome {
  status: number;
  body: unknown;
  sentSha256: string;
}

export interface UploadOptions {
  baseUrl: string;
  token: string;
  practiceId: string;
  size: number;
  fileName?: string;
  contentType?: string;
  /** 'exact' (default) sends Content-Length: size; 'chunked' sends none. */
  length?: 'exact' | 'chunked';
}

const CHUNK = Buffer.alloc(64 * 1024, 'practice-messenger-');

export function uploadStream(o: UploadOptions): Promise<UploadOutcome> {
  const url = new URL(`${o.baseUrl}/api/v1/practices/${o.practiceId}/attachments`);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${o.token}`,
      'content-type': o.contentType ?? 'application/octet-stream',
      'x-file-name': encodeURIComponent(o.fileName ?? 'upload.bin'),
    };
    if ((o.length ?? 'exact') === 'exact') headers['content-length'] = o.size;
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (JSON.parse(text) as unknown) : null,
          sentSha256: hash.digest('hex'),
        });
      });
      res.on('error', reject);
    });
    // After the server has answered (e.g. 413), a write error is the server closing: expected.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    let remaining = o.size;
    const pump = (): void => {
      while (remaining > 0) {
        const piece = remaining >= CHUNK.length ? CHUNK : CHUNK.subarray(0, remaining);
        remaining -= piece.length;
        hash.update(piece);
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
