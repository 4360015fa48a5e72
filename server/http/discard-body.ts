// After refusing a request early (413 for an oversize upload), reads and throws away the rest of its
// body so the client, still sending, gets to read the answer instead of a reset connection. Bounded:
// past `maxBytes` more, or `maxMs`, the connection is cut (the answer went out long before).
import type { IncomingMessage } from 'node:http';

export const DISCARD_MAX_BYTES = 32 * 1024 * 1024;
export const DISCARD_MAX_MS = 30_000;

export function discardRestOfBody(
  request: IncomingMessage,
  maxBytes: number = DISCARD_MAX_BYTES,
  maxMs: number = DISCARD_MAX_MS,
): void {
  if (request.complete || request.destroyed) return;
  let discarded = 0;
  const cut = (): void => {
    clearTimeout(timer);
    request.socket.destroy();
  };
  const timer = setTimeout(cut, maxMs);
  timer.unref();
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > maxBytes) cut();
  });
  request.resume(); // a 'data' listener alone does not restart a stream someone paused
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
}
