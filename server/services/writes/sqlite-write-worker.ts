// The SQLite writer thread: owns the connection that writes, batches writes into group commits and
// pays their fsync (synchronous=FULL) here, so the event loop serving HTTP never blocks on a commit.
import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../../errors.js';
import { GroupCommit } from '../../storage/sqlite/group-commit.js';
import { openSqliteFile, sqliteKysely } from '../../storage/sqlite/open-sqlite.js';
import type {
  FromWriter,
  ToWriter,
  WriteFailure,
  WriteRequest,
  WriterData,
  WriterEvent,
} from '../../storage/sqlite/writer-protocol.js';
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

const file = openSqliteFile(data.file);
const db = sqliteKysely(file);
const commits = new GroupCommit(
  (statement) => file.exec(statement),
  (changes) => send({ type: 'committed', grown: [...changes.grown], alerts: changes.alerts }),
  data.commitDelayMs,
);

function failure(error: unknown): WriteFailure {
  if (error instanceof ApiError) return { statusCode: error.statusCode, code: error.code, message: error.message };
  return { message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function write(request: WriteRequest): void {
  commits
    .run((changes) =>
      runWriteOp({ db, now: () => request.now, alertsEnabled: data.alertsEnabled, changes }, request.op, request.args),
    )
    .then(
      (value) => send({ type: 'done', id: request.id, value }),
      (error: unknown) => send({ type: 'failed', id: request.id, error: failure(error) }),
    );
}

port.on('message', (message: ToWriter) => {
  if (message.type === 'writes') return (JSON.parse(message.writes) as WriteRequest[]).forEach(write);
  // Messages arrive in order: every write sent before `close` is queued already; let them commit.
  void commits.idle().then(async () => {
    await db.destroy();
    port.close(); // nothing else keeps the thread alive: it exits
  });
});
port.postMessage({ type: 'ready' } satisfies FromWriter);
