// Entry of the writer thread when the server runs from its TypeScript sources (tsx, vitest): a
// worker does not inherit its parent's loader hooks, so register tsx here before loading the writer.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
