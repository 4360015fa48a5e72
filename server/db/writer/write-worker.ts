// The writer thread: owns the connection that writes, batches writes into group commits and pays
// their fsync (synchronous=FULL) here, so the event loop serving HTTP never blocks on a commit.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../http/api-error.js';
import type { WriteContext } from '../../http/context.js';
import { openDatabase } from '../database.js';
import { GroupCommit } from '../group-commit.js';
import type { FromWriter, ToWriter, WriteFailure, WriteRequest, WriterData, WriterEvent } from './protocol.js';
import { runWriteOp } from './write-ops.js';

const port = parentPort!;
const data = workerData as WriterData;

// Events wait for the end of the current job: a commit resolves all its writes at once, and
// their replies go back in one message (a microtask queued by the first runs after the rest).
let outbox: WriterEvent[] = [];
function send(event: WriterEvent): void {
  if (outbox.length === 0) queueMicrotask(flush);
  outbox.push(event);
}
function flush(): void {
  const events = outbox;
  outbox = [];
  port.postMessage({ type: 'events', events: JSON.stringify(events) } satisfies FromWriter);
}

const db = openDatabase(data.file);
const commits = new GroupCommit(
  db,
  {
    feedGrew: (grown) => send({ type: 'committed', grown: [...grown], alerts: false }),
    alertsQueued: () => send({ type: 'committed', grown: [], alerts: true }),
  },
  data.commitDelayMs,
);
let now = 0;
const ctx: WriteContext = { db, now: () => now, alertsEnabled: data.alertsEnabled, changes: commits.changes };

function failure(error: unknown): WriteFailure {
  if (error instanceof ApiError) return { statusCode: error.statusCode, code: error.code, message: error.message };
  return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function write(request: WriteRequest): void {
  now = request.now;
  commits
    .run(() => runWriteOp(ctx, request.op, request.args))
    .then(
      (value) => send({ type: 'done', id: request.id, value }),
      (error: unknown) => send({ type: 'failed', id: request.id, error: failure(error) }),
    );
}

port.on('message', (message: ToWriter) => {
  if (message.type === 'writes') return (JSON.parse(message.writes) as WriteRequest[]).forEach(write);
  // Queued after any pending commit's setImmediate or timer, so that commit lands first.
  setTimeout(() => {
    if (db.open) db.close();
    port.close(); // nothing else keeps the thread alive: it exits
  }, data.commitDelayMs);
});
port.postMessage({ type: 'ready' } satisfies FromWriter);
