// Window behaviour: size and place remembered and restored only where visible, close hides to the
// tray, show-and-focus for second launch / tray / notification, start at login starting hidden.
// Electron is not loaded: BrowserWindow, the displays and app.setLoginItemSettings are fakes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { START_HIDDEN_ARG } from '../../main/electron/app-config.js';
import {
  applyStartAtLogin,
  autostartDesktopEntry,
  startedHidden,
  type LoginItemPort,
} from '../../main/electron/window/start-at-login.js';
import {
  CloseToTray,
  defaultCloseToTray,
  FirstShow,
  showAndFocus,
  type ShowableWindow,
} from '../../main/electron/window/window-visibility.js';
import {
  DEFAULT_SIZE,
  initialWindowBounds,
  SAVE_DELAY_MS,
  WindowStateKeeper,
  type Rect,
  type SavedWindowState,
  type TrackedWindow,
} from '../../main/electron/window/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('initialWindowBounds', () => {
  it('restores a saved place that is on a display', () => {
    const saved = { x: 1600, y: 100, width: 1000, height: 700, maximized: true };
    expect(initialWindowBounds(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('keeps the size but lets the OS place a window whose monitor is gone', () => {
    const saved = { x: 1600, y: 100, width: 1000, height: 700, maximized: false };
    expect(initialWindowBounds(saved, [laptop])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('refuses a place where only a sliver of the title bar would show', () => {
    const saved = { x: 1400, y: 100, width: 1000, height: 700, maximized: false };
    expect(initialWindowBounds(saved, [laptop])).not.toHaveProperty('x');
  });

  it('shrinks a window larger than every display, and keeps the minimum size', () => {
    expect(initialWindowBounds({ x: 0, y: 0, width: 5000, height: 3000, maximized: false }, [laptop])).toMatchObject({
      width: 1440,
      height: 875,
    });
    expect(initialWindowBounds({ x: 0, y: 0, width: 100, height: 100, maximized: false }, [laptop])).toMatchObject({
      width: 720,
      height: 480,
    });
  });

  it.each([undefined, null, 'junk', { x: 1 }, { x: 0, y: 0, width: -5, height: 10, maximized: false }])(
    'uses defaults for saved value %j',
    (saved) => {
      expect(initialWindowBounds(saved, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    },
  );
});

function fakeWindow(bounds: Rect) {
  const listeners = new Map<string, () => void>();
  const state = { bounds, maximized: false, minimized: false, fullScreen: false };
  const window: TrackedWindow = {
    on: (event, listener) => void listeners.set(event, listener),
    getNormalBounds: () => state.bounds,
    isMaximized: () => state.maximized,
    isMinimized: () => state.minimized,
    isFullScreen: () => state.fullScreen,
  };
  return { window, state, emit: (event: string) => listeners.get(event)?.() };
}

describe('WindowStateKeeper', () => {
  afterEach(() => vi.useRealTimers());

  function keeper() {
    const saved: SavedWindowState[] = [];
    const store = {
      get: () => saved.at(-1),
      set: (_key: 'windowState', value: SavedWindowState) => void saved.push(value),
    };
    return { saved, keeper: new WindowStateKeeper(store) };
  }

  it('saves once after a burst of moves and resizes settles', () => {
    vi.useFakeTimers();
    const { saved, keeper: k } = keeper();
    const w = fakeWindow({ x: 10, y: 20, width: 900, height: 600 });
    k.track(w.window);
    w.emit('move');
    w.emit('resize');
    w.state.bounds = { x: 30, y: 40, width: 950, height: 650 };
    w.emit('resize');
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(saved).toEqual([{ x: 30, y: 40, width: 950, height: 650, maximized: false }]);
  });

  it('saves at once on close, and remembers maximized with the normal bounds under it', () => {
    const { saved, keeper: k } = keeper();
    const w = fakeWindow({ x: 10, y: 20, width: 900, height: 600 });
    k.track(w.window);
    w.state.maximized = true;
    w.emit('close');
    expect(saved).toEqual([{ x: 10, y: 20, width: 900, height: 600, maximized: true }]);
    expect(k.initialBounds([laptop])).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: true });
  });

  it('does not save a minimized or full-screen window', () => {
    const { saved, keeper: k } = keeper();
    const w = fakeWindow({ x: 10, y: 20, width: 900, height: 600 });
    k.track(w.window);
    w.state.minimized = true;
    w.emit('close');
    w.state.minimized = false;
    w.state.fullScreen = true;
    w.emit('close');
    expect(saved).toEqual([]);
  });
});

function showable(minimized = false, visible = true) {
  const calls: string[] = [];
  const window: ShowableWindow = {
    isDestroyed: () => false,
    isMinimized: () => minimized,
    isVisible: () => visible,
    restore: () => void calls.push('restore'),
    maximize: () => void calls.push('maximize'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
    hide: () => void calls.push('hide'),
  };
  return { window, calls };
}

describe('window visibility', () => {
  it('closing hides to the tray until the app is quitting', () => {
    const closeToTray = new CloseToTray();
    const { window, calls } = showable();
    const event = { preventDefault: vi.fn() };
    closeToTray.onClose(event, window);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(calls).toEqual(['hide']);
    closeToTray.allowClose();
    const quitEvent = { preventDefault: vi.fn() };
    closeToTray.onClose(quitEvent, window);
    expect(quitEvent.preventDefault).not.toHaveBeenCalled();
    expect(closeToTray.isQuitting).toBe(true);
  });

  it('a second launch (or tray/notification click) restores, shows and focuses the window', () => {
    const { window, calls } = showable(true);
    const focusApp = vi.fn();
    showAndFocus(window, new FirstShow(false), focusApp);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(focusApp).toHaveBeenCalled();
    expect(() => showAndFocus(null, new FirstShow(false))).not.toThrow();
  });

  it('maximizes a window saved maximized when it is first shown, never before (it would show a hidden window)', () => {
    const first = new FirstShow(true);
    const { window, calls } = showable(false, false);
    // Started hidden at login: nothing is called until the user opens the window.
    expect(calls).toEqual([]);
    showAndFocus(window, first);
    expect(calls).toEqual(['maximize', 'focus']);
    calls.length = 0;
    showAndFocus(window, first); // hidden to the tray, opened again: the user's size stays
    expect(calls).toEqual(['show', 'focus']);
  });

  it('closing quits instead when the user does not keep the app in the tray', () => {
    const quit = vi.fn();
    let keep = false;
    const closeToTray = new CloseToTray(() => keep, quit);
    const { window, calls } = showable();
    const event = { preventDefault: vi.fn() };
    closeToTray.onClose(event, window);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([]);
    keep = true;
    closeToTray.onClose({ preventDefault: vi.fn() }, window);
    expect(calls).toEqual(['hide']);
  });

  it('keeps the app in the tray by default, except on Linux desktops that show no tray', () => {
    expect(defaultCloseToTray('win32', () => false)).toBe(true);
    expect(defaultCloseToTray('darwin', () => false)).toBe(true);
    expect(defaultCloseToTray('linux', () => true)).toBe(true);
    expect(defaultCloseToTray('linux', () => false)).toBe(false);
  });
});

describe('start at login', () => {
  function port(platform: NodeJS.Platform) {
    const written: (string | null)[] = [];
    const settings: unknown[] = [];
    const p: LoginItemPort = {
      platform,
      setLoginItemSettings: (s) => void settings.push(s),
      writeAutostartFile: (contents) => void written.push(contents),
      launchCommand: ['/opt/Practice Messenger/practice-messenger'],
    };
    return { p, written, settings };
  }

  it('Windows: registers a login item that starts hidden, and removes it', () => {
    const { p, settings } = port('win32');
    applyStartAtLogin(p, 'Practice Messenger', true);
    applyStartAtLogin(p, 'Practice Messenger', false);
    expect(settings).toEqual([
      { openAtLogin: true, args: [START_HIDDEN_ARG] },
      { openAtLogin: false, args: [] },
    ]);
  });

  it('macOS: registers the login item without the openAsHidden flag macOS 13+ ignores', () => {
    const { p, settings } = port('darwin');
    applyStartAtLogin(p, 'Practice Messenger', true);
    expect(settings).toEqual([{ openAtLogin: true }]);
  });

  it('Linux: writes an XDG autostart entry with the hidden flag, and removes it', () => {
    const { p, written } = port('linux');
    applyStartAtLogin(p, 'Practice Messenger', true);
    applyStartAtLogin(p, 'Practice Messenger', false);
    expect(written[0]).toContain(`Exec="/opt/Practice Messenger/practice-messenger" "${START_HIDDEN_ARG}"`);
    expect(written[0]).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Practice Messenger\n/);
    expect(written[1]).toBeNull();
  });

  it('quotes characters the desktop entry spec treats specially', () => {
    expect(autostartDesktopEntry('PM', ['/a "b"/$c'])).toContain('Exec="/a \\"b\\"/\\$c"');
  });

  it('knows when it was started by the login item: our argument, macOS 13+ wasOpenedAtLogin, or older macOS', () => {
    expect(startedHidden(['/app', START_HIDDEN_ARG], null)).toBe(true);
    expect(startedHidden(['/app'], { wasOpenedAtLogin: true, wasOpenedAsHidden: false })).toBe(true);
    expect(startedHidden(['/app'], { wasOpenedAtLogin: false, wasOpenedAsHidden: true })).toBe(true);
    expect(startedHidden(['/app'], { wasOpenedAtLogin: false, wasOpenedAsHidden: false })).toBe(false);
    expect(startedHidden(['/app'], null)).toBe(false);
  });
});
