// Picks the demo server's port: the usual 8787 when free, so a saved sign-in still points at it next start;
// otherwise any free port (0).
import { createServer } from 'node:net';

export function preferredPort(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(0));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(port)));
  });
}
