// The Electron host's part of the app lock, which main/core decides: it reports system input to the
// engine, gates IPC by the engine's lock state and re-announces it to a reloaded page. Electron is not
// loaded: powerMonitor's idle time and the timers are fakes, and the engine is a small stand-in.
import { describe, expect, it, vi } from 'vitest';
import type { DesktopEventName } from '../../common/desktop/index.js';
import { RendererEventRouter } from '../../main/electron/ipc/renderer-event-router.js';
import { LockController } from '../../main/electron/lock/lock-controller.js';
import { IDLE_POLL_MS, SystemInputReporter, type IdleClock } from '../../main/electron/lock/system-input-reporter.js';

function fakeClock() {
  let idleSeconds = 0;
  let tick: (() => void) | null = null;
  let intervalMs = 0;
  const clock: IdleClock = {
    systemIdleSeconds: () => idleSeconds,
    setInterval: (callback: () => void, ms: number) => {
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

describe('SystemInputReporter', () => {
  it('reports input when the system saw some since the last poll, and nothing while idle', () => {
    const fake = fakeClock();
    const onInput = vi.fn();
    const reporter = new SystemInputReporter(fake.clock, onInput);
    reporter.start();
    expect(fake.intervalMs).toBe(IDLE_POLL_MS);
    fake.idleFor(1);
    expect(onInput).toHaveBeenCalledTimes(1);
    fake.idleFor(IDLE_POLL_MS / 1000);
    fake.idleFor(600);
    expect(onInput).toHaveBeenCalledTimes(1);
    fake.idleFor(0);
    expect(onInput).toHaveBeenCalledTimes(2);
    reporter.stop();
    expect(fake.running).toBe(false);
  });
});

function lockSetup() {
  const sent: [DesktopEventName, unknown][] = [];
  const router = new RendererEventRouter((event, payload) => void sent.push([event, payload]));
  const engine = { locked: false, lockNow: vi.fn(() => void (engine.locked = true)) };
  return { sent, engine, lock: new LockController(engine, router) };
}

describe('LockController', () => {
  it("passes the OS lock to the engine and gates IPC by the engine's state", () => {
    const { engine, lock } = lockSetup();
    expect(lock.refusal('getThread')).toBeNull();
    lock.lock();
    expect(engine.lockNow).toHaveBeenCalledTimes(1);
    expect(lock.locked).toBe(true);
    expect(lock.refusal('getThread')).toEqual(expect.objectContaining({ code: 'locked' }));
    expect(lock.refusal('listMessages')).not.toBeNull();
    expect(lock.refusal('unlock')).toBeNull();
    expect(lock.refusal('reportActivity')).toBeNull();
    expect(lock.refusal('getUnreadCounts')).toBeNull();
    engine.locked = false;
    expect(lock.refusal('getThread')).toBeNull();
  });

  it('re-announces the lock to a reloaded page, and only when locked', () => {
    const { sent, engine, lock } = lockSetup();
    lock.announce();
    expect(sent).toEqual([]);
    engine.locked = true;
    lock.announce();
    expect(sent).toEqual([['locked', { locked: true }]]);
  });
});
