// Quitting: the engine gets a bounded time to stop (close sockets, finish the cache write in progress) before the
// app exits, so a stuck network call can never hold a quit, a log-off or a shutdown. The OS shutdown is delayed
// (powerMonitor 'shutdown', Linux and macOS) just long enough for that.

/** Long enough to commit a cache transaction and close sockets; short enough that nobody waits on a hung quit. */
export const STOP_BOUND_MS = 5_000;

export interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitDeps {
  /** Stops the host and engine; may never settle (a hung socket), hence the bound. */
  stop(): Promise<void>;
  /** app.quit(): before-quit lets the window close, and will-quit comes back here, then lets the app go. */
  quit(): void;
  setTimeout(callback: () => void, ms: number): unknown;
  log(message: string): void;
}

/** Resolves when `work` settles or after `ms`, whichever comes first; says which. */
export function within(
  work: Promise<void>,
  ms: number,
  timers: Pick<QuitDeps, 'setTimeout'>,
): Promise<'done' | 'timed out'> {
  return Promise.race([
    work.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    new Promise<'timed out'>((resolve) => timers.setTimeout(() => resolve('timed out'), ms)),
  ]);
}

export class QuitCoordinator {
  private state: 'running' | 'stopping' | 'stopped' = 'running';

  constructor(private readonly deps: QuitDeps) {}

  /** app 'will-quit': hold the quit until the engine stopped (or the bound passed), once. */
  onWillQuit(event: PreventableEvent): void {
    if (this.state === 'stopped') return;
    event.preventDefault();
    if (this.state === 'stopping') return;
    this.state = 'stopping';
    void within(this.deps.stop(), STOP_BOUND_MS, this.deps).then((how) => {
      if (how === 'timed out') this.deps.log(`quit: engine did not stop within ${STOP_BOUND_MS} ms; quitting anyway`);
      this.state = 'stopped';
      this.deps.quit();
    });
  }

  /** powerMonitor 'shutdown' (Linux, macOS): delay the shutdown, and quit now (bounded, as above). */
  onShutdown(event: PreventableEvent | undefined): void {
    event?.preventDefault();
    this.deps.quit();
  }
}
