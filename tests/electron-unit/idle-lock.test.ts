// The idle lock: the idle timer's decisions, the lock state and IPC gate, and which events the
// locked window still gets. Electron is not loaded: powerMonitor's idle time and the timers are fakes.
import { describe, expect, it, vi } from 'vitest';
import type { DesktopEventName } from '../../common/desktop/index.js';
import { RendererEventRouter } from '../../main/electron/ipc/renderer-event-router.js';
import { IDLE_POLL_MS, IdleLockTimer, type IdleClock } from '../../main/electron/lock/idle-lock-timer.js';
import { LockController } from '../../main/electron/lock/lock-controller.js';

function fakeClock() {
  let idleSeconds = 0;
  let tick: (() => void) | null = null;
  let intervalMs = 0;
  const clock: IdleClock = {
    systemIdleSeconds: () => idleSeconds,
    setInterval: (callback, ms) => {
      tick = callback;
      intervalMs = ms;
      return 'handle';
    },
    clearInterval: () => {
      tick = null;
    },
  };
  return {
    clock,
    idleFor: (seconds: number) => {
      idleSeconds = seconds;
      tick?.();
    },
    get running() {
      return tick !== null;
    },
    get intervalMs() {
      return intervalMs;
    },
  };
}

describe('IdleLockTimer', () => {
  it('fires once when idle time reaches the configured minutes, polling every few seconds', () => {
    const fake = fakeClock();
    const onIdle = vi.fn();
    new IdleLockTimer(fake.clock, onIdle).setMinutes(5);
    expect(fake.intervalMs).toBe(IDLE_POLL_MS);
    fake.idleFor(299);
    expect(onIdle).not.toHaveBeenCalled();
    fake.idleFor(300);
    fake.idleFor(600);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('fires again only after the user was active in between', () => {
    const fake = fakeClock();
    const onIdle = vi.fn();
    new IdleLockTimer(fake.clock, onIdle).setMinutes(1);
    fake.idleFor(60);
    fake.idleFor(2);
    fake.idleFor(61);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('is off at 0 minutes and follows a changed setting', () => {
    const fake = fakeClock();
    const onIdle = vi.fn();
    const timer = new IdleLockTimer(fake.clock, onIdle);
    timer.setMinutes(0);
    expect(fake.running).toBe(false);
    timer.setMinutes(10);
    fake.idleFor(300);
    expect(onIdle).not.toHaveBeenCalled();
    timer.setMinutes(2);
    fake.idleFor(300);
    expect(onIdle).toHaveBeenCalledTimes(1);
    timer.stop();
    expect(fake.running).toBe(false);
  });
});

function lockSetup(signedIn = true) {
  const sent: [DesktopEventName, unknown][] = [];
  const router = new RendererEventRouter((event, payload) => void sent.push([event, payload]));
  const lock = new LockController({ router, isSignedIn: async () => signedIn });
  return { sent, router, lock };
}

describe('LockController', () => {
  it('locks a signed-in session: tells the window, then refuses data calls but not the lock screen ones', async () => {
    const { sent, lock } = lockSetup();
    await lock.lock();
    expect(lock.locked).toBe(true);
    expect(sent).toEqual([['locked', { locked: true }]]);
    expect(lock.refusal('getThread')).toEqual(expect.objectContaining({ code: 'locked' }));
    expect(lock.refusal('listMessages')).not.toBeNull();
    expect(lock.refusal('unlock')).toBeNull();
    expect(lock.refusal('getUnreadCounts')).toBeNull();
  });

  it('does not lock when nobody is signed in, and locks only once', async () => {
    const signedOut = lockSetup(false);
    await signedOut.lock.lock();
    expect(signedOut.lock.locked).toBe(false);
    const { sent, lock } = lockSetup();
    await Promise.all([lock.lock(), lock.lock()]);
    expect(sent.filter(([event]) => event === 'locked')).toHaveLength(1);
  });

  it('keeps the badge and sync status flowing while locked, and holds message events until unlock', async () => {
    const { sent, router, lock } = lockSetup();
    await lock.lock();
    router.deliver('unreadCount', { total: 3, byPractice: { p1: 3 } });
    router.deliver('syncStatus', {
      state: 'online',
      syncedMessages: 1,
      initialSyncDone: true,
      lastError: null,
      pendingOutbox: 0,
    });
    router.deliver('changed', { practiceIds: ['p1'] });
    router.deliver('changed', { practiceIds: ['p2', 'p1'] });
    router.deliver('showMessage', { practiceId: 'p1', messageId: 'm9' });
    expect(sent.map(([event]) => event)).toEqual(['locked', 'unreadCount', 'syncStatus']);

    lock.afterCall('unlock', { ok: true, value: { unlocked: false } });
    expect(lock.locked).toBe(true);
    lock.afterCall('unlock', { ok: false, error: { code: 'offline', message: 'x' } });
    expect(lock.locked).toBe(true);

    lock.afterCall('unlock', { ok: true, value: { unlocked: true } });
    expect(lock.locked).toBe(false);
    expect(sent.slice(3)).toEqual([
      ['locked', { locked: false }],
      ['changed', { practiceIds: ['p1', 'p2'] }],
      ['showMessage', { practiceId: 'p1', messageId: 'm9' }],
    ]);
    expect(lock.refusal('getThread')).toBeNull();
  });

  it('ends the lock on sign-out and drops what it held', async () => {
    const { sent, router, lock } = lockSetup();
    await lock.lock();
    router.deliver('changed', { practiceIds: ['p1'] });
    lock.afterCall('signOut', { ok: true, value: { ok: true } });
    expect(lock.locked).toBe(false);
    expect(sent.map(([event]) => event)).toEqual(['locked', 'locked']);
  });

  it('re-announces the lock to a reloaded page', async () => {
    const { sent, lock } = lockSetup();
    lock.announce();
    expect(sent).toEqual([]);
    await lock.lock();
    lock.announce();
    expect(sent).toEqual([
      ['locked', { locked: true }],
      ['locked', { locked: true }],
    ]);
  });
});
