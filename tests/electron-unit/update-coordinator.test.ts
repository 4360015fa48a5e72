// Update decisions (issue 13 item 1): when updates are on, where they come from, when the app checks, and that it
// asks before restarting and never restarts while a message is being written. electron-updater is faked (it needs
// Electron); the draft check runs against a real engine and demo server in update-compose.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHECK_EVERY_MS,
  COMPOSE_RETRY_MS,
  REMIND_AFTER_MS,
  UpdateCoordinator,
  type UpdaterPort,
} from '../../main/core/update/update-coordinator.js';
import { updateFeedUrl, updateVerdict } from '../../main/core/update/update-policy.js';

class FakeUpdater implements UpdaterPort {
  feeds: string[] = [];
  checks = 0;
  installs = 0;
  failNext: Error | null = null;
  private listeners = new Map<string, (arg: never) => void>();
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(options.url);
  }
  async checkForUpdates() {
    this.checks += 1;
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    return null;
  }
  quitAndInstall() {
    this.installs += 1;
  }
  on(event: string, listener: (arg: never) => void) {
    this.listeners.set(event, listener);
  }
  emit(event: string, arg: unknown) {
    this.listeners.get(event)?.(arg as never);
  }
}

/** Timers the test fires by hand, so nothing waits on wall time. */
class ManualTimers {
  intervals = new Map<number, { fn: () => void; ms: number }>();
  timeouts = new Map<number, { fn: () => void; ms: number }>();
  private next = 1;
  setInterval = (fn: () => void, ms: number) => (this.intervals.set(this.next, { fn, ms }), this.next++);
  clearInterval = (h: unknown) => void this.intervals.delete(h as number);
  setTimeout = (fn: () => void, ms: number) => (this.timeouts.set(this.next, { fn, ms }), this.next++);
  clearTimeout = (h: unknown) => void this.timeouts.delete(h as number);
  fireTimeout(): number {
    const [id, timer] = [...this.timeouts][0] ?? [];
    if (!id || !timer) throw new Error('no timeout pending');
    this.timeouts.delete(id);
    timer.fn();
    return timer.ms;
  }
}

let updater: FakeUpdater;
let timers: ManualTimers;
let composing: boolean;
let answers: ('restart' | 'later')[];
let asked: string[];
let logs: string[];
let server: string | null;

function coordinator() {
  return new UpdateCoordinator({
    updater,
    feedUrl: () => (server ? updateFeedUrl(server) : null),
    isComposing: async () => composing,
    askToRestart: async (version) => {
      asked.push(version);
      return answers.shift() ?? 'later';
    },
    timers,
    log: (m) => logs.push(m),
  });
}

beforeEach(() => {
  updater = new FakeUpdater();
  timers = new ManualTimers();
  composing = false;
  answers = [];
  asked = [];
  logs = [];
  server = 'https://messages.example.org/some/path';
});

describe('checking', () => {
  it('checks the signed-in server at start and every four hours', async () => {
    const c = coordinator();
    c.start();
    await vi.waitFor(() => expect(updater.checks).toBe(1));
    expect(updater.feeds).toEqual(['https://messages.example.org/updates/']);
    const [interval] = [...timers.intervals.values()];
    expect(interval?.ms).toBe(CHECK_EVERY_MS);
    interval?.fn();
    await vi.waitFor(() => expect(updater.checks).toBe(2));
  });

  it('does not check while signed out, and checks once signed in', async () => {
    server = null;
    const c = coordinator();
    c.start();
    await c.check();
    expect(updater.checks).toBe(0);
    server = 'http://127.0.0.1:8787';
    c.signedIn();
    await vi.waitFor(() => expect(updater.feeds).toEqual(['http://127.0.0.1:8787/updates/']));
  });

  it('logs a failed check by its code only, and checks again next time', async () => {
    const c = coordinator();
    updater.failNext = Object.assign(new Error('GET https://x/updates/latest.yml 404 for patient Ana'), {
      code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    });
    await c.check();
    expect(logs).toEqual(['update: check failed (ERR_UPDATER_CHANNEL_FILE_NOT_FOUND)']);
    await c.check();
    expect(updater.checks).toBe(2);
  });
});

describe('restarting', () => {
  it('asks once the download is ready, and installs only when the user says restart', async () => {
    answers = ['restart'];
    coordinator();
    updater.emit('update-downloaded', { version: '1.2.0' });
    await vi.waitFor(() => expect(updater.installs).toBe(1));
    expect(asked).toEqual(['1.2.0']);
  });

  it('never asks while a message is being written; asks once it is sent or discarded', async () => {
    composing = true;
    answers = ['restart'];
    coordinator();
    updater.emit('update-downloaded', { version: '1.2.0' });
    await vi.waitFor(() => expect(timers.timeouts.size).toBe(1));
    expect(asked).toEqual([]);
    expect(timers.fireTimeout()).toBe(COMPOSE_RETRY_MS); // still writing: wait again
    await vi.waitFor(() => expect(timers.timeouts.size).toBe(1));
    expect(asked).toEqual([]);
    composing = false;
    timers.fireTimeout();
    await vi.waitFor(() => expect(updater.installs).toBe(1));
  });

  it('does not restart if writing started while the question was open', async () => {
    answers = ['restart'];
    const c = new UpdateCoordinator({
      updater,
      feedUrl: () => null,
      isComposing: async () => composing,
      askToRestart: async () => {
        composing = true; // the user started a message before answering
        return 'restart';
      },
      timers,
      log: () => undefined,
    });
    void c;
    updater.emit('update-downloaded', { version: '1.2.0' });
    await vi.waitFor(() => expect(timers.timeouts.size).toBe(1));
    expect(updater.installs).toBe(0);
  });

  it('after "Later" asks again hours later, not before; an unknown compose state counts as writing', async () => {
    answers = ['later', 'restart'];
    const c = new UpdateCoordinator({
      updater,
      feedUrl: () => null,
      isComposing: async () => {
        if (asked.length === 0) return false;
        throw new Error('locked');
      },
      askToRestart: async (v) => (asked.push(v), answers.shift() ?? 'later'),
      timers,
      log: () => undefined,
    });
    void c;
    updater.emit('update-downloaded', { version: '2.0.0' });
    await vi.waitFor(() => expect(timers.timeouts.size).toBe(1));
    expect(timers.fireTimeout()).toBe(REMIND_AFTER_MS);
    await vi.waitFor(() => expect(timers.timeouts.size).toBe(1));
    expect(asked).toEqual(['2.0.0']); // locked: not asked again yet
    expect(updater.installs).toBe(0);
  });

  it('stops checking once an update waits to be installed', async () => {
    const c = coordinator();
    updater.emit('update-downloaded', { version: '1.2.0' });
    await c.check();
    expect(updater.checks).toBe(0);
  });
});

describe('updateVerdict', () => {
  const facts = { isPackaged: true, platform: 'win32' as const, policyUpdatesEnabled: undefined, nsisInstall: true };
  it('is on for a packaged NSIS, macOS or Linux install', () => {
    expect(updateVerdict(facts)).toEqual({ enabled: true });
    expect(updateVerdict({ ...facts, platform: 'darwin', nsisInstall: false })).toEqual({ enabled: true });
    expect(updateVerdict({ ...facts, platform: 'linux', nsisInstall: false })).toEqual({ enabled: true });
  });
  it('is off in development, by policy, and for MSI installs', () => {
    expect(updateVerdict({ ...facts, isPackaged: false })).toMatchObject({ enabled: false });
    expect(updateVerdict({ ...facts, policyUpdatesEnabled: false })).toEqual({
      enabled: false,
      reason: 'turned off by the administrator',
    });
    expect(updateVerdict({ ...facts, nsisInstall: false })).toMatchObject({ enabled: false, reason: /MSI/ });
  });
});
