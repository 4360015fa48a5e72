// The app lock, decided here for every host: engaged after idle (IdleTimer) or when the host reports
// the OS locking or sleeping; while engaged, data calls are refused and content events wait until unlock.
// The engaged lock is remembered in the secret store, so quitting (or killing) a locked app and starting
// it again reopens the saved session locked: a restart is no way around the password.
import type { DesktopEventName, DesktopEventPayload, DesktopMethodName } from '../../../common/desktop/index.js';
import { DesktopCallError } from '../errors.js';
import type { EngineListener, SecretStore } from '../host-ports.js';
import { IdleTimer, type LockClock } from './idle-timer.js';
import { UnlockAttempts } from './unlock-attempts.js';

/** What the lock screen itself needs: nothing here returns message content. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<DesktopMethodName> = new Set([
  'unlock',
  'signOut',
  'reportActivity',
  'getAppInfo',
  'getSession',
  'getSyncStatus',
  'getUnreadCounts',
  'getPreferences',
]);

/** Events with no message content: the badge and sync keep going under the lock screen. */
const SHOWN_WHILE_LOCKED: ReadonlySet<DesktopEventName> = new Set(['locked', 'unreadCount', 'syncStatus']);

/** The secret store's entry present while the lock is engaged. */
const LOCKED_MARK = 'appLocked';

export const lockedError = () =>
  new DesktopCallError('locked', 'Practice Messenger is locked. Enter your password to unlock it.');

export class AppLock {
  private engaged = false;
  private signedIn = false;
  private stopping = false;
  private held = new Map<DesktopEventName, unknown>();
  private readonly idle: IdleTimer;
  /** The wrong-password limit of `unlock`. */
  readonly attempts: UnlockAttempts;

  constructor(
    clock: LockClock,
    private readonly emit: EngineListener,
    private readonly secrets?: SecretStore,
  ) {
    this.idle = new IdleTimer(clock, () => this.lock());
    this.attempts = new UnlockAttempts(clock);
  }

  get locked(): boolean {
    return this.engaged;
  }

  setIdleMinutes(minutes: number): void {
    this.idle.setMinutes(minutes);
  }

  /** The host saw user input. */
  reportActivity(): void {
    this.idle.input();
  }

  /** Follows the sync status: signing in starts the idle count; signing out (or expiry) ends any lock. */
  /** The engine is stopping (the app quits): its closing session is not a sign-out, so the mark stays. */
  stop(): void {
    this.stopping = true;
    this.idle.stop();
  }

  private followSession(signedIn: boolean): void {
    if (this.stopping) return;
    // Signed out, there is nothing to keep locked: a later sign-in (with the password) starts unlocked.
    if (!signedIn && this.secrets?.get(LOCKED_MARK)) this.secrets.delete(LOCKED_MARK);
    if (signedIn === this.signedIn) return;
    this.signedIn = signedIn;
    if (signedIn) this.idle.start();
    else this.release('signedOut');
    this.attempts.reset();
    // A saved session reopened by an app that was quit or killed while locked starts locked.
    if (signedIn && this.secrets?.get(LOCKED_MARK)) this.lock();
  }

  /** Idle time ran out, or the OS locked the screen or is going to sleep. */
  lock(): void {
    if (this.engaged || !this.signedIn) return;
    this.engaged = true;
    this.idle.stop();
    if (this.secrets?.persistent) this.secrets.set(LOCKED_MARK, '1');
    this.emit('locked', { locked: true });
  }

  /** Unlocked with the password (held events are delivered), or signed out (they are dropped). */
  release(how: 'unlocked' | 'signedOut'): void {
    if (how === 'signedOut') this.idle.stop();
    else this.idle.start();
    if (this.secrets?.get(LOCKED_MARK)) this.secrets.delete(LOCKED_MARK);
    if (!this.engaged) return;
    this.engaged = false;
    const held = this.held;
    this.held = new Map();
    this.emit('locked', { locked: false });
    if (how === 'signedOut') return;
    for (const [event, payload] of held) this.emit(event, payload as DesktopEventPayload<typeof event>);
  }

  /** The refusal for a call the lock screen must not make, else null. */
  refusal(method: DesktopMethodName): DesktopCallError | null {
    return this.engaged && !ALLOWED_WHILE_LOCKED.has(method) ? lockedError() : null;
  }

  /** Passes an engine event on, or holds it while locked (`changed` merged into one). */
  deliver<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void {
    if (event === 'syncStatus')
      this.followSession((payload as DesktopEventPayload<'syncStatus'>).state !== 'signedOut');
    if (!this.engaged || SHOWN_WHILE_LOCKED.has(event)) {
      this.emit(event, payload);
      return;
    }
    if (event === 'changed') {
      const before = (this.held.get('changed') as DesktopEventPayload<'changed'> | undefined)?.practiceIds ?? [];
      const merged = new Set([...before, ...(payload as DesktopEventPayload<'changed'>).practiceIds]);
      this.held.set('changed', { practiceIds: [...merged] });
      return;
    }
    this.held.delete(event); // re-insert so held events replay in arrival order
    this.held.set(event, payload);
  }
}
