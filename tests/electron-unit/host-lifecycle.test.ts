// The host's runtime rules (issue 13 item 9) that need no Electron: the window's first calls wait for the engine,
// quitting never waits on the engine for more than the bound, the menu offers the logs folder, updater verification
// stays on, deep links open the right thing, and the keyring notice says what is wrong and how to fix it.
import { describe, expect, it, vi } from 'vitest';
import { desktopMethodNames, type DesktopHandlers } from '../../common/desktop/index.js';
import { STOP_BOUND_MS, QuitCoordinator, within } from '../../main/electron/app-quit.js';
import { DeepLinkOpener } from '../../main/electron/deep-links/deep-link-opener.js';
import { handlersAfter } from '../../main/electron/ipc/engine-gate.js';
import { appMenuTemplate, type MenuEntry } from '../../main/electron/menu/app-menu.js';
import { keyringNoticeText } from '../../main/electron/secrets/keyring-notice.js';
import { configureUpdater, type UpdaterSettings } from '../../main/electron/updates/updater-settings.js';

vi.mock('electron', () => import('./support/fake-electron.js')); // keyring-notice.ts shows its dialog with Electron's

/** setTimeout that the test fires by hand. */
function manualTimers() {
  const pending: { callback: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout: (callback: () => void, ms: number) => pending.push({ callback, ms }),
    fire: () => pending.shift()?.callback(),
  };
}

describe('the window before the engine', () => {
  it('holds the first calls until the engine is up, then answers them', async () => {
    let start: (handlers: DesktopHandlers) => void = () => undefined;
    const handlers = handlersAfter(new Promise((resolve) => (start = resolve)));
    expect(Object.keys(handlers).sort()).toEqual([...desktopMethodNames].sort());
    const answered = vi.fn();
    const call = handlers.getSession({}).then(answered);
    await Promise.resolve();
    expect(answered).not.toHaveBeenCalled();
    start({ getSession: async () => ({ signedIn: false }) } as unknown as DesktopHandlers);
    await call;
    expect(answered).toHaveBeenCalledWith({ signedIn: false });
  });

  it('answers every call with one clear error when the engine could not start', async () => {
    const handlers = handlersAfter(Promise.reject(new Error('disk full')));
    await expect(handlers.getSession({})).rejects.toMatchObject({ code: 'engine_failed' });
    await expect(handlers.listMessages({ practiceId: 'p', folder: 'inbox' })).rejects.toMatchObject({
      code: 'engine_failed',
    });
  });
});

describe('quitting', () => {
  const setup = (stop: () => Promise<void>) => {
    const timers = manualTimers();
    const quit = vi.fn();
    const log = vi.fn();
    const coordinator = new QuitCoordinator({ stop, quit, setTimeout: timers.setTimeout, log });
    return { timers, quit, log, coordinator };
  };

  it('holds the quit until the engine stopped, once', async () => {
    const stop = vi.fn(async () => undefined);
    const { quit, coordinator } = setup(stop);
    const event = { preventDefault: vi.fn() };
    coordinator.onWillQuit(event);
    coordinator.onWillQuit({ preventDefault: vi.fn() }); // a second quit while stopping waits for the same stop
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(stop).toHaveBeenCalledTimes(1);
    const after = { preventDefault: vi.fn() };
    coordinator.onWillQuit(after);
    expect(after.preventDefault).not.toHaveBeenCalled();
  });

  it('quits after the bound when the engine never stops (a hung socket), and says so', async () => {
    const { timers, quit, log, coordinator } = setup(() => new Promise<void>(() => undefined));
    coordinator.onWillQuit({ preventDefault: vi.fn() });
    expect(timers.pending[0]?.ms).toBe(STOP_BOUND_MS);
    expect(quit).not.toHaveBeenCalled();
    timers.fire();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/did not stop within 5000 ms/));
    expect(STOP_BOUND_MS).toBeLessThanOrEqual(5_000);
  });

  it('delays an OS shutdown and quits', () => {
    const { quit, coordinator } = setup(async () => undefined);
    const event = { preventDefault: vi.fn() };
    coordinator.onShutdown(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(quit).toHaveBeenCalled();
  });

  it('within() reports a failed stop as done, not as a hang', async () => {
    const timers = manualTimers();
    await expect(within(Promise.reject(new Error('x')), 10, timers)).resolves.toBe('done');
  });
});

describe('the application menu', () => {
  const labels = (entries: MenuEntry[]): string[] =>
    entries.flatMap((e) => [e.label ?? e.role ?? e.type ?? '', ...labels(e.submenu ?? [])]);

  it('offers Help > Open logs folder on every OS, and no developer tools in a packaged app', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const openLogsFolder = vi.fn();
      const menu = appMenuTemplate(platform, false, { openLogsFolder, showAbout: vi.fn() });
      const help = menu.find((e) => e.label === 'Help');
      help?.submenu?.find((e) => e.label === 'Open logs folder')?.click?.();
      expect(openLogsFolder).toHaveBeenCalled();
      expect(labels(menu)).not.toContain('toggleDevTools');
      expect(labels(menu)).not.toContain('reload');
      expect(labels(menu)).toContain('editMenu'); // copy and paste shortcuts on macOS need it
    }
    expect(labels(appMenuTemplate('linux', true, { openLogsFolder: vi.fn(), showAbout: vi.fn() }))).toContain(
      'toggleDevTools',
    );
  });
});

describe('updater settings', () => {
  it('downloads in the background, installs at quit, never downgrades, and leaves verification as shipped', () => {
    const written = new Set<string>();
    const target = new Proxy({} as UpdaterSettings, {
      set(object, key, value) {
        written.add(String(key));
        (object as unknown as Record<string, unknown>)[String(key)] = value;
        return true;
      },
    });
    configureUpdater(target, vi.fn());
    expect(target).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
    });
    for (const never of ['verifyUpdateCodeSignature', 'forceDevUpdateConfig', 'disableWebInstaller']) {
      expect(written).not.toContain(never);
    }
  });

  it("logs electron-updater's messages as one line each", () => {
    const log = vi.fn();
    const target = {} as UpdaterSettings;
    configureUpdater(target, log);
    target.logger?.info('Checking for update\nmore');
    expect(log).toHaveBeenCalledWith('update info: Checking for update');
  });
});

describe('DeepLinkOpener', () => {
  const thread = { messages: [{ message: { id: 'm1', practiceId: 'p1' } }] };
  const setup = (session: { signedIn: boolean; serverUrl: string | null }) => {
    const deps = {
      getSession: vi.fn(async () => session),
      getThread: vi.fn(async () => thread as never),
      showWindow: vi.fn(),
      showMessage: vi.fn(),
      tell: vi.fn(),
      log: vi.fn(),
    };
    return { deps, opener: new DeepLinkOpener(deps) };
  };

  it('waits for the engine, then shows the message of the signed-in server', async () => {
    const { deps, opener } = setup({ signedIn: true, serverUrl: 'https://x.org' });
    expect(opener.openUrl('practice-messenger://open?server=https://x.org&message=m1')).toBe(true);
    expect(deps.showWindow).not.toHaveBeenCalled();
    opener.engineReady();
    await vi.waitFor(() => expect(deps.showMessage).toHaveBeenCalledWith({ practiceId: 'p1', messageId: 'm1' }));
    expect(deps.showWindow).toHaveBeenCalled();
  });

  it('signed out: shows the window (the sign-in form), nothing else; junk is ignored', async () => {
    const { deps, opener } = setup({ signedIn: false, serverUrl: null });
    opener.engineReady();
    expect(opener.openUrl('practice-messenger://rm?server=https://x.org')).toBe(false);
    await opener.open({ server: 'https://x.org', messageId: 'm1' });
    expect(deps.showWindow).toHaveBeenCalledTimes(1);
    expect(deps.showMessage).not.toHaveBeenCalled();
    expect(deps.log).toHaveBeenCalledWith('deep link: sign-in');
  });

  it('another server: a note naming both servers, and the session is left alone', async () => {
    const { deps, opener } = setup({ signedIn: true, serverUrl: 'https://mine.org' });
    opener.engineReady();
    await opener.open({ server: 'https://theirs.org', messageId: 'm1' });
    expect(deps.tell).toHaveBeenCalledWith(expect.stringMatching(/theirs\.org.*mine\.org/));
    expect(deps.showMessage).not.toHaveBeenCalled();
  });
});

describe('the keyring notice', () => {
  it('says sign-in is asked each start, why, and what fixes it', () => {
    const text = keyringNoticeText(
      'No desktop keyring (such as GNOME Keyring or KWallet) is available (backend: basic_text).',
    );
    expect(text.message).toMatch(/sign in each time it starts/);
    expect(text.detail).toMatch(/basic_text/);
    expect(text.detail).toMatch(/keyring/i);
  });
});
