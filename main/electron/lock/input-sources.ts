// Which input keeps the idle lock open. Windows and macOS report system-wide idle time reliably, so input anywhere
// counts. Linux can't be trusted there (getSystemIdleTime() is 0 under XWayland, unreliable on Wayland:
// electron#34826, and there is no lock-screen event), so there only input in our own window counts: the lock then
// engages on in-app inactivity, the first of the two to run out. In-app input (before-input-event) counts
// everywhere, throttled so the engine hears of it at most every few seconds.

export interface InputSources {
  /** Poll the system-wide idle time (powerMonitor). */
  systemIdle: boolean;
  /** Keyboard and mouse input in the app's window. */
  inApp: true;
}

export function inputSources(platform: NodeJS.Platform): InputSources {
  return { systemIdle: platform !== 'linux', inApp: true };
}

/** Lets one report through per `everyMs` (a lock measured in minutes needs no more). */
export class InputThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly report: () => void,
    private readonly now: () => number = Date.now,
    private readonly everyMs = 5_000,
  ) {}

  input(): void {
    const at = this.now();
    if (at - this.last < this.everyMs) return;
    this.last = at;
    this.report();
  }
}
