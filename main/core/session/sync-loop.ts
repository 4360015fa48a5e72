// The sync loop: pulls on start, on every live `changes` hint and on reconnects (folded by the
// puller's Throttler), keeps the status (syncing / online / connecting / offline), and after a
// failure retries with capped exponential backoff and full jitter.
import { Backoff } from '../sync/backoff.js';
import { NetworkError, ServerError } from '../sync/server-client.js';
import type { SyncPuller } from '../sync/sync-puller.js';
import type { StatusTracker } from './status-tracker.js';

export interface SyncLoopDeps {
  puller: SyncPuller;
  status: StatusTracker;
  socketReady(): boolean;
  /** After each pull that caught up. */
  onCaughtUp(): void;
  onAuthRejected(): void;
}

export class SyncLoop {
  readonly backoff = new Backoff(500, 60_000);
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: SyncLoopDeps) {}

  /** Starts a pull (or folds into the running one); a failure schedules a retry with backoff. */
  pull(): Promise<void> {
    const { puller, status } = this.deps;
    if (this.stopped) return Promise.resolve();
    this.clearRetry();
    if (!puller.initialSyncDone || status.current.state !== 'online') status.update({ state: 'syncing' });
    return puller.pull().then(
      () => {
        if (this.stopped) return;
        this.backoff.reset();
        status.update({ state: this.deps.socketReady() ? 'online' : 'connecting' });
        this.deps.onCaughtUp();
      },
      (error: unknown) => {
        if (this.stopped) return;
        if (error instanceof ServerError && error.status === 401) return this.deps.onAuthRejected();
        reportNetworkError(status, error);
        this.retry = setTimeout(() => void this.pull(), this.backoff.nextDelayMs());
      },
    );
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
  }

  private clearRetry(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
}

/** Shows a failed pull or send in the status: offline for a network failure, the reason either way. */
export function reportNetworkError(status: StatusTracker, error: unknown): void {
  status.update({
    state: error instanceof NetworkError ? 'offline' : status.current.state,
    lastError: error instanceof Error ? error.message : 'Sync failed.',
  });
}
