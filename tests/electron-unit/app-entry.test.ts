// The main-process entry (main/electron/index.ts): sandbox on before anything, one instance only,
// a second launch shows the first window, and quitting waits for the engine to stop. The `electron`
// module is a recording fake (support/fake-electron.ts); the host it starts is a stub.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fakeElectron from './support/fake-electron.js';
import { app, powerMonitor, recorded } from './support/fake-electron.js';

// The entry is re-imported per test (vi.resetModules), but the fake must stay the one this file reads.
// The factory runs lazily (at the entry's import), after this file has stored its own instance.
vi.mock('electron', () => (globalThis as { fakeElectron?: typeof fakeElectron }).fakeElectron ?? {});
(globalThis as { fakeElectron?: typeof fakeElectron }).fakeElectron = fakeElectron;
const { host, startDesktopHost } = vi.hoisted(() => {
  const host = { showWindow: vi.fn(), openDeepLink: vi.fn(), stop: vi.fn(async (): Promise<void> => undefined) };
  return { host, startDesktopHost: vi.fn(async () => host) };
});
vi.mock('../../main/electron/desktop-host.js', () => ({ startDesktopHost }));
// electron-log/main loads the real electron module with require(), which no mock reaches.
vi.mock('../../main/electron/logging/app-log.js', () => ({
  startAppLog: () => (recorded.calls.push('startAppLog'), '/logs'),
}));

async function loadEntry(singleInstanceLock: boolean) {
  recorded.calls.length = 0;
  recorded.singleInstanceLock = singleInstanceLock;
  app.removeAllListeners();
  vi.resetModules();
  await import('../../main/electron/index.js');
  await vi.waitFor(() => expect(startDesktopHost.mock.calls.length > 0 || !singleInstanceLock).toBe(true));
}

describe('main-process entry', () => {
  beforeEach(() => {
    vi.clearAllMocks();
    delete process.env.PRACTICE_MESSENGER_USER_DATA;
  });

  it('starts the log, enables the sandbox and our scheme before anything, then the host with the built page', async () => {
    await loadEntry(true);
    expect(recorded.calls.slice(0, 3)).toEqual(['startAppLog', 'enableSandbox', 'registerSchemesAsPrivileged']);
    const [config, paths, launch] = startDesktopHost.mock.calls[0] as unknown as [
      unknown,
      { preload: string; rendererDir: string },
      { startHidden: boolean; logsFolder: string },
    ];
    expect(config).toMatchObject({ rendererDevUrl: null });
    expect(paths.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(paths.rendererDir).toMatch(/[\\/]renderer$/);
    expect(launch).toMatchObject({ startHidden: false, logsFolder: '/logs' });
  });

  it('uses a separate profile folder when asked (tests, side-by-side runs)', async () => {
    process.env.PRACTICE_MESSENGER_USER_DATA = '/tmp/pm-profile-x';
    await loadEntry(true);
    expect(recorded.calls).toContain('setPath userData /tmp/pm-profile-x');
    expect(recorded.calls.indexOf('setPath userData /tmp/pm-profile-x')).toBeLessThan(
      recorded.calls.indexOf('enableSandbox'),
    );
  });

  it('a second launch shows the first instance window, and hands over its practice-messenger:// link', async () => {
    await loadEntry(true);
    app.emit('second-instance', {}, ['/opt/pm/practice-messenger', '--foo']);
    expect(host.showWindow).toHaveBeenCalledTimes(1);
    expect(host.openDeepLink).not.toHaveBeenCalled();
    app.emit('second-instance', {}, [
      '/opt/pm/practice-messenger',
      'practice-messenger://open?server=https://x.org&message=m1',
    ]);
    expect(host.openDeepLink).toHaveBeenCalledWith({ server: 'https://x.org', messageId: 'm1' });
  });

  it('macOS open-url links open in the running app; junk links are ignored', async () => {
    await loadEntry(true);
    const event = { preventDefault: vi.fn() };
    app.emit('open-url', event, 'practice-messenger://open?server=https://x.org');
    app.emit('open-url', { preventDefault: vi.fn() }, 'practice-messenger://delete?server=https://x.org');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(host.openDeepLink).toHaveBeenCalledTimes(1);
    expect(host.openDeepLink).toHaveBeenCalledWith({ server: 'https://x.org', messageId: null });
  });

  it('an OS shutdown is delayed (prevented) and the app quits through the bounded stop', async () => {
    await loadEntry(true);
    const event = { preventDefault: vi.fn() };
    powerMonitor.emit('shutdown', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(recorded.calls).toContain('quit');
  });

  it('the second instance itself quits without starting anything', async () => {
    await loadEntry(false);
    expect(recorded.calls).toContain('quit');
    expect(startDesktopHost).not.toHaveBeenCalled();
  });

  it('quitting waits for the engine to stop, then quits for real', async () => {
    await loadEntry(true);
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(recorded.calls).toContain('quit'));
    expect(host.stop).toHaveBeenCalledTimes(1);
    app.emit('will-quit', { preventDefault: vi.fn() }); // the second time through, nothing holds it
    expect(host.stop).toHaveBeenCalledTimes(1);
  });
});
