// An oversize upload is answered 413 with its JSON body, and a client that writes its whole 20 MiB
// body before reading (a raw socket here) reads that answer instead of EPIPE or a reset connection.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../common/http/index.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

let server: TestPracticeServer;
let w: DemoWorld;

beforeAll(async () => {
  server = await startTestServer();
  w = await signInDemo(server.url);
});
afterAll(() => server.cleanup());

const BODY_BYTES = 20 * 1024 * 1024;
const CHUNK = Buffer.alloc(256 * 1024, 0x61);

interface RawOutcome {
  writeError: string | null;
  status: number;
  body: unknown;
}

/** Writes the request (headers, then all of the body), and only then reads the whole answer. */
function rawUpload(framing: 'content-length' | 'chunked'): Promise<RawOutcome> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  const received: Buffer[] = [];
  socket.on('data', (part: Buffer) => received.push(part));
  let writeError: string | null = null;
  socket.on('error', (error: NodeJS.ErrnoException) => (writeError ??= error.code ?? error.message));
  const write = (data: string | Buffer): Promise<void> =>
    new Promise((resolve) => {
      if (socket.write(data)) resolve();
      else void Promise.race([new Promise((drained) => socket.once('drain', drained)), timedOut]).then(() => resolve());
    });
  const answered = (): { status: number; body: unknown } | null => {
    const all = Buffer.concat(received).toString('latin1');
    const end = all.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(all.slice(0, end))?.[1] ?? NaN);
    const body = all.slice(end + 4);
    if (body.length < length) return null;
    return { status: Number(all.slice(9, 12)), body: JSON.parse(Buffer.from(body, 'latin1').toString('utf8')) };
  };
  const deadline = Date.now() + 20_000;
  const timedOut = new Promise<void>((resolve) => setTimeout(resolve, 20_000).unref());
  return (async () => {
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    await write(
      [
        `POST /api/v1/practices/${w.sunriseId}/attachments HTTP/1.1`,
        `host: 127.0.0.1:${port}`,
        `authorization: Bearer ${w.desk.token}`,
        'content-type: application/octet-stream',
        'x-file-name: big.bin',
        framing === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${BODY_BYTES}`,
        '',
        '',
      ].join('\r\n'),
    );
    for (let sent = 0; sent < BODY_BYTES && !writeError && Date.now() < deadline; sent += CHUNK.length) {
      await write(
        framing === 'chunked'
          ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')])
          : CHUNK,
      );
    }
    if (framing === 'chunked' && !writeError) await write('0\r\n\r\n');
    let answer = answered();
    while (!answer && !socket.destroyed && Date.now() < deadline) {
      await Promise.race([new Promise((resolve) => socket.once('data', resolve).once('close', resolve)), timedOut]);
      answer = answered();
    }
    socket.destroy();
    return { writeError, status: answer?.status ?? 0, body: answer?.body ?? null };
  })();
}

describe('an upload over 10 MiB', () => {
  it.each(['content-length', 'chunked'] as const)(
    'answers a client that writes all 20 MiB before reading with the 413 JSON (%s)',
    async (framing) => {
      const outcome = await rawUpload(framing);
      expect(outcome.writeError).toBeNull();
      expect(outcome.status).toBe(413);
      expect(ErrorBody.parse(outcome.body).error.code).toBe('attachment_too_large');
    },
  );
});
