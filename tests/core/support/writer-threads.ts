// Catches each cache writer thread the engine starts (writer-thread.ts's test hook), so a test can end the
// newest one the way a crash would and watch the engine restart it.
import type { Worker } from 'node:worker_threads';
import { writerTestHooks } from '../../../main/core/cache/writer/writer-thread.js';

export interface WriterThreads {
  readonly started: Worker[];
  /** Ends the newest writer thread abruptly (as an out-of-memory or fatal error would) and waits for its exit. */
  kill(): Promise<void>;
  release(): void;
}

export function catchWriterThreads(): WriterThreads {
  const started: Worker[] = [];
  writerTestHooks.onThreadStarted = (thread) => started.push(thread);
  return {
    started,
    async kill() {
      const newest = started.at(-1);
      if (!newest) throw new Error('no writer thread has started');
      await newest.terminate();
    },
    release: () => {
      writerTestHooks.onThreadStarted = null;
    },
  };
}
