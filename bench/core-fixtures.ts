// Bench support for the desktop engine: realistic synthetic messages, and a practice server data
// folder seeded in bulk straight into its database (HTTP would take minutes for 100,000 messages).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Message } from '../common/http/index.js';
import { startPracticeServer } from '../server/start.js';
import { TEST_PASSWORD_HASHING } from '../tests/support/practice-server.js';
import { insertBulkMessages } from '../server/storage/queries/bulk.js';
import { openStorage } from '../server/storage/open-storage.js';

const WORDS = (
  'lab result refill request appointment reschedule insurance prior authorization referral cardiology ' +
  'imaging report follow up blood pressure glucose prescription pharmacy callback billing question ' +
  'vaccine schedule x-ray mri ultrasound allergy dosage lisinopril metformin amoxicillin physical therapy'
).split(' ');
const NAMES = ['Ana Ruiz', 'Ben Okafor', 'Chloe Martin', 'Dev Patel', 'Emma Novak', 'Farid Haddad', 'Grace Kim'];

function pick<T>(list: T[], i: number): T {
  return list[i % list.length] as T;
}

function words(seed: number, n: number): string {
  return Array.from({ length: n }, (_, k) => pick(WORDS, (seed * 31 + k * 17) % 9973)).join(' ');
}

export interface Party {
  id: string;
  name: string;
}

/** Message `i` of a bulk set: sent by `from` to `to`, 2026 timestamps one minute apart. */
export function bulkMessage(i: number, practiceId: string, from: Party, to: Party): Message {
  const id = randomUUID();
  const withPatient = i % 3 === 0;
  return {
    id,
    practiceId,
    threadId: id,
    clientId: randomUUID(),
    source: 'staff',
    sender: { kind: 'staff', ...from },
    recipients: [{ kind: 'staff', ...to }],
    subject: `${words(i, 4)} #${i}`,
    body: `${words(i + 7, 30)}. Please review and reply when you can.`,
    sentAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    inReplyTo: null,
    patient: withPatient ? { id: `pt-${i % 500}`, name: pick(NAMES, i) } : null,
    encounter: null,
    document: null,
    attachments: [],
  };
}

/** A demo-seeded server data folder plus `count` messages from Dr. Lee to the front desk. */
export async function seedServerDataDir(count: number): Promise<{ dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-core-server-'));
  // Cheap password hashing as in the tests: sign-ins are not what these benchmarks measure.
  const first = await startPracticeServer({
    dataDir,
    port: 0,
    demo: true,
    logger: false,
    passwordHashing: TEST_PASSWORD_HASHING,
  });
  await first.close();
  const { db, close } = await openStorage({ dataDir });
  const staff = (email: string) =>
    db.selectFrom('staff').select(['id', 'name']).where('email', '=', email).executeTakeFirstOrThrow();
  const lee = await staff('dr.lee@sunrise.example');
  const front = await staff('frontdesk@sunrise.example');
  const { id: practiceId } = await db
    .selectFrom('practices')
    .select('id')
    .where('name', '=', 'Sunrise Family Medicine')
    .executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (let first = 0; first < count; first += 500) {
      const batch = [];
      for (let i = first; i < Math.min(count, first + 500); i++) {
        const viewers = [
          { staffId: lee.id, read: true },
          { staffId: front.id, read: i % 10 !== 0 },
        ];
        batch.push({ message: bulkMessage(i, practiceId, lee, front), senderId: lee.id, viewers });
      }
      await insertBulkMessages(trx, batch);
    }
  });
  await close();
  return { dataDir };
}

const SERVER_START = pathToFileURL(path.join(import.meta.dirname, '../server/start.ts')).href;
const FIXTURES = pathToFileURL(path.join(import.meta.dirname, 'core-fixtures.ts')).href;

/** Seeds and runs the server in its own process, so this process's memory is the engine's alone. */
export async function startServerProcess(
  messages: number,
): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const code = `import { startPracticeServer } from '${SERVER_START}';
    import { seedServerDataDir } from '${FIXTURES}';
    const { dataDir } = await seedServerDataDir(${messages});
    const s = await startPracticeServer({ dataDir, port: 0, demo: true, logger: false, passwordHashing: ${JSON.stringify(TEST_PASSWORD_HASHING)} });
    console.log('URL ' + s.url + ' DIR ' + dataDir);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url, dataDir] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /URL (\S+) DIR (\S+)/.exec(out);
      if (match?.[1] && match[2]) resolve([match[1], match[2]]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, child, dataDir };
}
