// The idle lock's state: engaging hides the content (the renderer clears its stores on `locked`),
// refuses data calls until the engine's `unlock` succeeds, and keeps badge and sync running.
import type { DesktopError, DesktopMethodName } from '../../../common/desktop/index.js';
import type { DispatchOutcome } from '../../core/bridge/dispatch.js';
import type { RendererEventRouter } from '../ipc/renderer-event-router.js';

/** What the lock screen itself needs: nothing here returns message content. */
const ALLOWED_WHILE_LOCKED: ReadonlySet<DesktopMethodName> = new Set([
  'unlock',
  'signOut',
  'getAppInfo',
  'getSession',
  'getSyncStatus',
  'getUnreadCounts',
  'getPreferences',
]);

export const lockedError: DesktopError = {
  code: 'locked',
  message: 'Practice Messenger is locked. Enter your password to unlock it.',
};

export interface LockDeps {
  router: Pick<RendererEventRouter, 'deliver' | 'setLocked'>;
  /** Locking makes sense only with someone signed in (their password unlocks). */
  isSignedIn(): Promise<boolean>;
}

export class LockController {
  private isLocked = false;

  constructor(private readonly deps: LockDeps) {}

  get locked(): boolean {
    return this.isLocked;
  }

  /** Engages the lock (idle timeout, OS screen lock); does nothing when signed out or already locked. */
  async lock(): Promise<void> {
    if (this.isLocked) return;
    const signedIn = await this.deps.isSignedIn().catch(() => false);
    if (!signedIn || this.isLocked) return;
    this.isLocked = true;
    this.deps.router.setLocked(true);
    this.deps.router.deliver('locked', { locked: true });
  }

  /** Re-tells a freshly (re)loaded page that it is locked. */
  announce(): void {
    if (this.isLocked) this.deps.router.deliver('locked', { locked: true });
  }

  /** The IPC gate: a refusal for calls the lock screen must not make, else null. */
  refusal(method: DesktopMethodName): DesktopError | null {
    return this.isLocked && !ALLOWED_WHILE_LOCKED.has(method) ? lockedError : null;
  }

  /** Watches call results: a successful unlock releases the lock; signing out ends it too. */
  afterCall(method: DesktopMethodName, outcome: DispatchOutcome): void {
    if (!this.isLocked || !outcome.ok) return;
    if (method === 'unlock' && (outcome.value as { unlocked?: unknown }).unlocked === true) this.release(false);
    if (method === 'signOut') this.release(true);
  }

  private release(discardHeld: boolean): void {
    this.isLocked = false;
    this.deps.router.deliver('locked', { locked: false });
    this.deps.router.setLocked(false, { discardHeld });
  }
}
