// The cache writer thread: owns the account cache's only write connection (migrations, sync pages,
// search index, outbox and user actions) and the WAL checkpointer, and answers CacheWriter calls in order.
import { parentPort, workerData } from 'node:worker_threads';
import { openEncrypted, startCheckpointer, type Checkpointer, type Db } from '../driver.js';
import { migrate } from '../migrations/index.js';
import { serializeError, type WriterInit, type WriterReply, type WriterRequest } from './protocol.js';
import { createWriteOps, type WriteOps } from './write-ops.js';

const port = parentPort;
if (!port) throw new Error('the cache writer runs in a worker thread');
const post = (reply: WriterReply) => port.postMessage(reply);
const init = workerData as WriterInit;

let db: Db | null = null;
let ops: WriteOps;
let checkpointer: Checkpointer | null = null;
try {
  db = openEncrypted(init.file, init.keyHex);
  migrate(db);
  ops = createWriteOps(db, init.userId);
  checkpointer = startCheckpointer(db, init.keyHex);
  post({ type: 'ready' });
} catch (error) {
  if (db?.open) db.close();
  post({ type: 'failed', error: serializeError(error) });
  port.close();
}

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    void close();
    return;
  }
  const op = (ops as Record<string, (...args: unknown[]) => unknown>)[request.op];
  // Each op is synchronous (one transaction) except search indexing, which yields between batches.
  void (async () => {
    try {
      if (!op || !db?.open) throw new Error(`cache writer: no ${request.op} on an open cache`);
      post({ type: 'result', id: request.id, ok: true, value: await op(...request.args) });
    } catch (error) {
      post({ type: 'result', id: request.id, ok: false, error: serializeError(error) });
    }
  })();
});

async function close(): Promise<void> {
  const open = db;
  db = null;
  if (open?.open) open.close();
  await checkpointer?.stop();
  post({ type: 'closed' });
  port?.close();
}
