// When to look for updates and when to ask to restart: on start and every few hours, from the signed-in practice
// server; the download runs in the background; the restart is offered once it is ready, never while the user is
// writing a message, and only ever done when they say so (otherwise it installs when the app next quits).

/** The slice of electron-updater's autoUpdater used here (faked in tests). */
export interface UpdaterPort {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdateCoordinatorDeps {
  updater: UpdaterPort;
  /** The update feed of the signed-in server (update-policy.ts), or null when signed out. */
  feedUrl(): string | null;
  /** A message is being written (a draft with content): not the moment to restart. Errors count as yes. */
  isComposing(): Promise<boolean>;
  /** Asks the user; resolves with their answer. */
  askToRestart(version: string): Promise<'restart' | 'later'>;
  timers: UpdateTimers;
  log(message: string): void;
}

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
/** While a message is being written, look again this often. */
export const COMPOSE_RETRY_MS = 60 * 1000;
/** After "Later", ask again after this long (it installs at the next quit anyway). */
export const REMIND_AFTER_MS = 4 * 60 * 60 * 1000;

export class UpdateCoordinator {
  private interval: unknown = null;
  private promptTimer: unknown = null;
  private readyVersion: string | null = null;
  private asking = false;
  private checking = false;
  private stopped = false;

  constructor(private readonly deps: UpdateCoordinatorDeps) {
    deps.updater.on('update-downloaded', (info) => {
      this.readyVersion = info.version;
      void this.offerRestart();
    });
    // electron-updater's messages hold URLs and versions only; still, keep the log to a code.
    deps.updater.on('error', (error) => deps.log(`update: failed (${errorCode(error)})`));
  }

  /** Checks now, then every CHECK_EVERY_MS. */
  start(): void {
    void this.check();
    this.interval ??= this.deps.timers.setInterval(() => void this.check(), CHECK_EVERY_MS);
  }

  /** Signed in (perhaps to another server): look there now. */
  signedIn(): void {
    void this.check();
  }

  stop(): void {
    this.stopped = true;
    if (this.interval !== null) this.deps.timers.clearInterval(this.interval);
    if (this.promptTimer !== null) this.deps.timers.clearTimeout(this.promptTimer);
    this.interval = this.promptTimer = null;
  }

  async check(): Promise<void> {
    const url = this.deps.feedUrl();
    if (this.stopped || this.checking || !url || this.readyVersion) return;
    this.checking = true;
    try {
      this.deps.updater.setFeedURL({ provider: 'generic', url });
      await this.deps.updater.checkForUpdates();
    } catch (error) {
      this.deps.log(`update: check failed (${errorCode(error)})`);
    } finally {
      this.checking = false;
    }
  }

  /** Offers the restart when an update is ready and nobody is writing; otherwise tries again later. */
  async offerRestart(): Promise<void> {
    const version = this.readyVersion;
    if (this.stopped || !version || this.asking) return;
    if (await this.composing()) return this.later(COMPOSE_RETRY_MS);
    this.asking = true;
    const answer = await this.deps.askToRestart(version).catch(() => 'later' as const);
    this.asking = false;
    if (answer === 'later') return this.later(REMIND_AFTER_MS);
    // The dialog may have waited while a message was started: check again right before restarting.
    if (await this.composing()) return this.later(COMPOSE_RETRY_MS);
    this.deps.log(`update: restarting to install ${version}`);
    this.deps.updater.quitAndInstall();
  }

  private composing(): Promise<boolean> {
    return this.deps.isComposing().catch(() => true);
  }

  private later(ms: number): void {
    if (this.promptTimer !== null) this.deps.timers.clearTimeout(this.promptTimer);
    this.promptTimer = this.deps.timers.setTimeout(() => {
      this.promptTimer = null;
      void this.offerRestart();
    }, ms);
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}
