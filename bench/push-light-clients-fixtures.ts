// Child process of the push benchmark: `count` light clients (HTTP + live socket, no cache) that model
// the rest of the practice. Each holds a live socket and pulls /sync from its own cursor on every
// `changes` hint, as an app would. Prints `ready` once all sockets are authenticated; on SIGTERM,
// prints `pulls N errors N` and exits.
import WebSocket from 'ws';

const [serverUrl, countText, tokensJson] = process.argv.slice(2) as [string, string, string];
const tokens = JSON.parse(tokensJson) as string[];
const count = Number(countText);
let pulls = 0;
let errors = 0;
let ready = 0;

class LightClient {
  private cursor: string | null = null;
  private pulling: Promise<void> | null = null;
  private again = false;

  constructor(private readonly token: string) {}

  connect(): void {
    const url = new URL('/api/v1/live', serverUrl);
    url.protocol = 'ws:';
    const socket = new WebSocket(url);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: this.token })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string };
      if (frame.type === 'ready') {
        ready++;
        if (ready === count) process.stdout.write('ready\n');
      }
      void this.pull();
    });
    socket.on('error', () => errors++);
  }

  /** Pulls until caught up; a hint during a pull makes one more pass. */
  private pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        for (;;) {
          const query = `limit=500${this.cursor ? `&after=${encodeURIComponent(this.cursor)}` : ''}`;
          const response = await fetch(`${serverUrl}/api/v1/sync?${query}`, {
            headers: { authorization: `Bearer ${this.token}` },
          });
          pulls++;
          if (!response.ok) {
            errors++;
            break;
          }
          const page = (await response.json()) as { cursor: string; more: boolean };
          this.cursor = page.cursor;
          if (!page.more) break;
        }
      } while (this.again);
    })()
      .catch(() => void errors++)
      .finally(() => {
        this.pulling = null;
      });
    return this.pulling;
  }
}

for (let i = 0; i < count; i++) new LightClient(tokens[i % tokens.length] ?? '').connect();
if (count === 0) process.stdout.write('ready\n');
// Stay up until the benchmark stops us, whatever the number of clients.
const keepAlive = setInterval(() => undefined, 60_000);
process.on('SIGTERM', () => {
  clearInterval(keepAlive);
  process.stdout.write(`pulls ${pulls} errors ${errors}\n`);
  process.exit(0);
});
