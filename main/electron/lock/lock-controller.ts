// The Electron side of the app lock, which main/core decides: the IPC gate refuses data calls
// while the engine is locked, and a freshly (re)loaded page is told the lock is on.
import type { DesktopError, DesktopMethodName } from '../../../common/desktop/index.js';
import type { Engine } from '../../core/host-ports.js';
import { ALLOWED_WHILE_LOCKED, lockedError } from '../../core/lock/app-lock.js';
import type { RendererEventRouter } from '../ipc/renderer-event-router.js';

export class LockController {
  constructor(
    private readonly engine: Pick<Engine, 'locked' | 'lockNow'>,
    private readonly router: Pick<RendererEventRouter, 'deliver'>,
  ) {}

  get locked(): boolean {
    return this.engine.locked;
  }

  /** The OS locked the screen or is going to sleep (the engine ignores it when signed out). */
  lock(): void {
    this.engine.lockNow();
  }

  /** Re-tells a freshly (re)loaded page that it is locked. */
  announce(): void {
    if (this.engine.locked) this.router.deliver('locked', { locked: true });
  }

  /** The IPC gate, before the engine's own: a refusal for calls the lock screen must not make, else null. */
  refusal(method: DesktopMethodName): DesktopError | null {
    if (!this.engine.locked || ALLOWED_WHILE_LOCKED.has(method)) return null;
    const { code, message } = lockedError();
    return { code, message };
  }

  /** The engine itself releases the lock on unlock and sign-out; nothing to watch here. */
  afterCall(): void {}
}
