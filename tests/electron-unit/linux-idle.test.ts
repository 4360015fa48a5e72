// Linux idle (issue 13 item 9): getSystemIdleTime() is 0 under XWayland (electron#34826) and there is no
// lock-screen event, so there only input in the app's own window keeps the lock open: the lock engages on in-app
// inactivity, the first to run out. Electron is a recording fake (its idle time stays 0, as under XWayland); the
// timers are Vitest's fake ones; the engine is a stand-in counting reported input.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inputSources, InputThrottle } from '../../main/electron/lock/input-sources.js';
import { LockController } from '../../main/electron/lock/lock-controller.js';
import { IDLE_POLL_MS } from '../../main/electron/lock/system-input-reporter.js';

vi.mock('electron', () => import('./support/fake-electron.js'));

describe('input sources', () => {
  it('counts system-wide input on Windows and macOS, only in-app input on Linux', () => {
    expect(inputSources('win32')).toEqual({ systemIdle: true, inApp: true });
    expect(inputSources('darwin')).toEqual({ systemIdle: true, inApp: true });
    expect(inputSources('linux')).toEqual({ systemIdle: false, inApp: true });
  });

  it('passes in-app input on at most every five seconds', () => {
    let now = 0;
    const report = vi.fn();
    const throttle = new InputThrottle(report, () => now);
    throttle.input();
    now = 4_999;
    throttle.input();
    expect(report).toHaveBeenCalledTimes(1);
    now = 5_000;
    throttle.input();
    expect(report).toHaveBeenCalledTimes(2);
  });
});

describe.runIf(process.platform === 'linux')('the Electron host on Linux', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('never reports input from a system idle time stuck at 0, and reports typing in the window', async () => {
    const { watchForLockTriggers } = await import('../../main/electron/lock/lock-triggers.js');
    const { powerMonitor } = await import('./support/fake-electron.js');
    powerMonitor.idleSeconds = 0; // XWayland: "input just now", forever
    const contents = new EventEmitter();
    const engine = { locked: false, lockNow: vi.fn() };
    const reportActivity = vi.fn();
    const inputs = watchForLockTriggers(new LockController(engine, { deliver: vi.fn() }), contents, reportActivity);
    vi.advanceTimersByTime(20 * IDLE_POLL_MS);
    expect(reportActivity).not.toHaveBeenCalled(); // so the engine's idle timer runs out and locks
    contents.emit('before-input-event', {}, { type: 'keyDown' });
    contents.emit('before-input-event', {}, { type: 'keyUp' });
    expect(reportActivity).toHaveBeenCalledTimes(1);
    powerMonitor.emit('lock-screen');
    expect(engine.lockNow).toHaveBeenCalledTimes(1);
    inputs.stop();
  });
});
