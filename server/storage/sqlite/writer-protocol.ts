// Messages between the server's event loop and its SQLite writer thread (writer-thread.ts and the
// worker entry that runs the write operations, services/writes/sqlite-write-worker.ts).

export interface WriterData {
  file: string;
  alertsEnabled: boolean;
  /** Tests: how long each group transaction stays open before its COMMIT. */
  commitDelayMs: number;
}

export interface WriteRequest {
  id: number;
  op: string;
  args: unknown;
  /** The server's clock when the request came in (tests fake it). */
  now: number;
}

// Both sides batch: one postMessage per turn of the loop, not per write (each wakes the other
// thread), and batches travel as JSON text: cheaper than the structured clone of the objects.
export type ToWriter = { type: 'writes'; writes: string /* WriteRequest[] */ } | { type: 'close' };

/** An ApiError travels as its parts; anything else only as a message (it becomes a 500). */
export interface WriteFailure {
  statusCode?: number;
  code?: string;
  message: string;
}

export type WriterEvent =
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: WriteFailure }
  | { type: 'committed'; grown: [string, number][]; alerts: boolean };

export type FromWriter = { type: 'ready' } | { type: 'events'; events: string /* WriterEvent[] */ };
