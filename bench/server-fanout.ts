// Benchmark: live fan-out across two server instances on one PostgreSQL database. Each send goes
// through instance A and is timed until a live socket on instance B is told of it (B holds 50 sockets
// of the recipient), and, for the same send, until a socket of the recipient on A itself is told: the
// difference is what crossing instances (NOTIFY, LISTEN) costs. Sends one at a time.
// Run alone with `npx tsx bench/server-fanout.ts`, or through `npm run bench`.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { LiveServerMessage } from '../common/http/index.js';
import { DEMO_STAFF } from '../server/demo/accounts.js';
import { atMost, percentile, report, type Figure } from './report.js';
import { runServerBench, signIn, type ServerInstance } from './server-fixtures.js';

const SOCKETS_ON_B = 50;
const SENDS = 300;
const HINT_DEADLINE_MS = 5_000;

/** A socket's `changes` hints: each with a cursor not seen before is a new change. */
class HintWatch {
  private lastCursor = '';
  private waiter: ((at: number) => void) | null = null;

  constructor(socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = LiveServerMessage.parse(JSON.parse(data.toString()));
      if (frame.type !== 'changes' || frame.cursor === this.lastCursor) return;
      this.lastCursor = frame.cursor;
      this.waiter?.(performance.now());
      this.waiter = null;
    });
  }

  /** Armed before the send: when the next new hint arrives, or null past the deadline. */
  next(): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        resolve(null);
      }, HINT_DEADLINE_MS);
      this.waiter = (at) => {
        clearTimeout(timer);
        resolve(at);
      };
    });
  }
}

/** A signed-in live socket, once the server said `ready`. */
async function openLiveSocket(url: string, token: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/live`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const ready = new Promise<void>((resolve) => socket.once('message', () => resolve()));
  socket.send(JSON.stringify({ type: 'auth', token }));
  await ready;
  return socket;
}

async function measureFanout(a: ServerInstance, b: ServerInstance): Promise<Figure[]> {
  const sockets: WebSocket[] = [];
  try {
    const [desk, lee] = await Promise.all([signIn(a.url, DEMO_STAFF.frontdesk), signIn(b.url, DEMO_STAFF.drLee)]);
    for (let i = 0; i < SOCKETS_ON_B; i += 1) sockets.push(await openLiveSocket(b.url, lee.token));
    sockets.push(await openLiveSocket(a.url, lee.token));
    const onB = new HintWatch(sockets[0]!);
    const onA = new HintWatch(sockets.at(-1)!);
    const crossing: number[] = [];
    const local: number[] = [];
    let missing = 0;
    for (let i = 0; i < SENDS; i += 1) {
      const heard = Promise.all([onB.next(), onA.next()]);
      const started = performance.now();
      const response = await fetch(`${a.url}/api/v1/practices/${desk.practices[0]!.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
        body: JSON.stringify({ clientId: randomUUID(), to: [lee.user.id], subject: `Fan-out ${i}`, body: 'Hint me.' }),
      });
      if (response.status !== 201) throw new Error(`send answered ${response.status}`);
      const [atB, atA] = await heard;
      if (atB === null || atA === null) missing += 1;
      if (atB !== null) crossing.push(atB - started);
      if (atA !== null) local.push(atA - started);
    }
    const across = `send through A -> live socket on B told (${SOCKETS_ON_B} sockets on B)`;
    const same = 'same send -> live socket on A told';
    return [
      { name: `${across}: p50`, value: percentile(crossing, 50), unit: 'ms' },
      { name: `${across}: p99`, value: percentile(crossing, 99), unit: 'ms', target: atMost(100) },
      { name: `${across}: max`, value: Math.max(...crossing), unit: 'ms' },
      { name: `${same}: p50`, value: percentile(local, 50), unit: 'ms' },
      { name: `${same}: p99`, value: percentile(local, 99), unit: 'ms' },
      { name: 'sends', value: SENDS, unit: 'sends' },
      {
        name: `sends not told on A and B within ${HINT_DEADLINE_MS / 1000} s`,
        value: missing,
        unit: 'sends',
        target: atMost(0),
      },
    ];
  } finally {
    for (const socket of sockets) socket.terminate();
  }
}

export function benchServerFanout(): Promise<Figure[]> {
  return runServerBench(async (lab) => {
    const databaseUrl = await lab.createDatabase('bench_fanout');
    // One after the other: the first creates the schema and seeds the demo data.
    const a = await lab.launch({ databaseUrl });
    const b = await lab.launch({ databaseUrl });
    return measureFanout(a, b);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('Two instances and a private PostgreSQL (durable commits) on this machine; sends one at a time.');
  report('server-fanout', await benchServerFanout());
}
