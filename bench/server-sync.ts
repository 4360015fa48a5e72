// Benchmark: the server's share of a cold sync, on SQLite and on PostgreSQL in one run: reading a
// 100,000-message mailbox as /sync pages of 1000 over loopback (server in its own process; the client
// reads each page's tail but does not parse it). The two databases take turns, three reads each.
// Run alone with `npx tsx bench/server-sync.ts`, or through `npm run bench`.
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { DEMO_STAFF } from '../server/demo/accounts.js';
import { percentile, report, type Figure } from './report.js';
import { processCpuMs, processTreeCpuMs, runServerBench, signIn, type ServerInstance } from './server-fixtures.js';

const MESSAGES = 100_000;
const PAGE = 1000;
const MAX_PAGES = 500; // bound: the feed holds ~100,100 changes, ~101 pages
const READS = 3;

interface Read {
  seconds: number;
  changes: number;
  pages: number;
  megabytes: number;
  /** Server process plus, on PostgreSQL, the cluster: CPU seconds spent serving this read. */
  cpuSeconds: number;
}

function get(agent: Agent, url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.once('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    });
    req.once('error', reject);
    req.end();
  });
}

/** Reads the front desk's whole feed from the start, as a new device would. */
async function readFeed(server: ServerInstance, token: string, cpuMs: () => number): Promise<Read> {
  const agent = new Agent({ keepAlive: true });
  try {
    let cursor = '';
    let changes = 0;
    let pages = 0;
    let bytes = 0;
    const cpuBefore = cpuMs();
    const started = performance.now();
    while (pages < MAX_PAGES) {
      const text = await get(
        agent,
        `${server.url}/api/v1/sync?limit=${PAGE}${cursor ? `&after=${cursor}` : ''}`,
        token,
      );
      pages += 1;
      bytes += text.length;
      // Only the tail is read: the client's parsing is the desktop benchmark's business.
      const tail = /"cursor":"([^"]+)","more":(true|false)}$/.exec(text);
      if (!tail?.[1]) throw new Error('unexpected page');
      changes += (text.match(/\{"kind":"(?:message|state|settings|user)"/g) ?? []).length;
      cursor = tail[1];
      if (tail[2] === 'false') break;
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, changes, pages, megabytes: bytes / 1e6, cpuSeconds: (cpuMs() - cpuBefore) / 1000 };
  } finally {
    agent.destroy();
  }
}

function readFigures(label: string, onPostgres: boolean, seedSeconds: number, reads: Read[]): Figure[] {
  const median = (of: (read: Read) => number): number => percentile(reads.map(of), 50);
  const name = (what: string): string => `/sync of ${MESSAGES.toLocaleString('en')}, ${label}: ${what}`;
  return [
    { name: name(`seconds (median of ${reads.length})`), value: median((r) => r.seconds), unit: 's' },
    { name: name('changes/s'), value: median((r) => r.changes / r.seconds), unit: 'changes/s' },
    {
      name: name(onPostgres ? 'server + PostgreSQL CPU per read' : 'server CPU per read'),
      value: median((r) => r.cpuSeconds),
      unit: 's',
    },
    { name: name('changes'), value: reads[0]?.changes ?? NaN, unit: 'changes' },
    { name: name('pages'), value: reads[0]?.pages ?? NaN, unit: 'pages' },
    { name: name('response bytes'), value: reads[0]?.megabytes ?? NaN, unit: 'MB' },
    { name: name('start and seed (not timed above)'), value: seedSeconds, unit: 's' },
  ];
}

export function benchServerSync(): Promise<Figure[]> {
  return runServerBench(async (lab) => {
    const databaseUrl = await lab.createDatabase('bench_sync');
    const setups = [];
    for (const [label, options] of [
      ['SQLite', {}],
      ['PostgreSQL', { databaseUrl }],
    ] as const) {
      const seeding = performance.now();
      const server = await lab.launch({ ...options, bulkMessages: MESSAGES });
      const seedSeconds = (performance.now() - seeding) / 1000;
      const { token } = await signIn(server.url, DEMO_STAFF.frontdesk);
      const onPostgres = 'databaseUrl' in options;
      const cpuMs = (): number => processCpuMs(server.pid) + (onPostgres ? processTreeCpuMs(lab.postgresPid) : 0);
      setups.push({ label, onPostgres, server, token, seedSeconds, cpuMs, reads: [] as Read[] });
    }
    for (let i = 0; i < READS; i += 1) {
      for (const setup of setups) setup.reads.push(await readFeed(setup.server, setup.token, setup.cpuMs));
    }
    return setups.flatMap((setup) => readFigures(setup.label, setup.onPostgres, setup.seedSeconds, setup.reads));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('Server in its own process; PostgreSQL: a private cluster on this machine, durable commits.');
  report('server-sync', await benchServerSync());
}
