// The tray and the unread badge: which picture per count, tooltip and menu text, the Windows overlay
// and its spoken description, the macOS dock, Linux's launcher count. Electron is not loaded: Tray,
// Menu, nativeImage and the app/window badge calls are fakes recording what they were given.
import { describe, expect, it, vi } from 'vitest';
import { PlatformBadge, type PlatformBadgePort } from '../../main/electron/badge/platform-badge.js';
import { UnreadIndicators } from '../../main/electron/badge/unread-indicators.js';
import { trayTooltip, unreadSentence } from '../../main/electron/badge/unread-wording.js';
import {
  SystemTray,
  type SystemTrayDeps,
  type TrayLike,
  type TrayMenuItem,
} from '../../main/electron/tray/system-tray.js';
import { trayIconStyle, trayTitle } from '../../main/electron/tray/tray-style.js';

type FakeImage = { label: string };

function fakeTray(overrides: Partial<SystemTrayDeps<FakeImage, TrayMenuItem[]>> = {}) {
  const state = {
    image: null as FakeImage | null,
    tooltip: '',
    title: null as string | null,
    menu: [] as TrayMenuItem[],
    destroyed: false,
    click: () => {},
  };
  const create = vi.fn((image: FakeImage): TrayLike<FakeImage, TrayMenuItem[]> => {
    state.image = image;
    return {
      setImage: (next) => void (state.image = next),
      setToolTip: (text) => void (state.tooltip = text),
      setTitle: (title) => void (state.title = title),
      setContextMenu: (menu) => void (state.menu = menu),
      on: (_event, listener) => void (state.click = listener),
      destroy: () => void (state.destroyed = true),
    };
  });
  const onOpen = vi.fn();
  const onQuit = vi.fn();
  const trayImage = vi.fn((label: string) => ({ label }));
  const tray = new SystemTray<FakeImage, TrayMenuItem[]>({
    appName: 'Practice Messenger',
    createTray: create,
    buildMenu: (items) => items,
    trayImage,
    onOpen,
    onQuit,
    ...overrides,
  });
  return { state, create, onOpen, onQuit, trayImage, tray };
}

describe('SystemTray', () => {
  it.each([
    [0, '', 'Practice Messenger - No unread messages'],
    [1, '1', 'Practice Messenger - 1 unread message'],
    [9, '9', 'Practice Messenger - 9 unread messages'],
    [42, '42', 'Practice Messenger - 42 unread messages'],
    [99, '99', 'Practice Messenger - 99 unread messages'],
    [100, '99+', 'Practice Messenger - 100 unread messages'],
    [12345, '99+', 'Practice Messenger - 12345 unread messages'],
  ])('count %i: icon "%s", tooltip "%s"', (count, label, tooltip) => {
    const { state, tray } = fakeTray();
    tray.render(count);
    expect(state.image).toEqual({ label });
    expect(state.tooltip).toBe(tooltip);
    expect(tray.tooltip).toBe(tooltip);
  });

  it('has a menu with Open, the count and Quit, wired to the host', () => {
    const { state, tray, onOpen, onQuit } = fakeTray();
    tray.render(3);
    const labels = state.menu.filter((item) => item.type !== 'separator').map((item) => item.label);
    expect(labels).toEqual(['Open Practice Messenger', '3 unread messages', 'Quit']);
    expect(state.menu.find((item) => item.label === '3 unread messages')?.enabled).toBe(false);
    state.menu.find((item) => item.label === 'Open Practice Messenger')?.click?.();
    state.menu.find((item) => item.label === 'Quit')?.click?.();
    state.click();
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onQuit).toHaveBeenCalledTimes(1);
  });

  it('creates one tray, updates it in place, and skips repeats of the same count', () => {
    const { state, create, trayImage, tray } = fakeTray();
    tray.render(1);
    tray.render(2);
    tray.render(2);
    expect(create).toHaveBeenCalledTimes(1);
    expect(trayImage.mock.calls.map(([label]) => label)).toEqual(['1', '2']);
    expect(state.image).toEqual({ label: '2' });
    tray.destroy();
    expect(state.destroyed).toBe(true);
  });

  it('redraws the same count in the new style when the panel theme changes', () => {
    let style = 'onLight';
    const { state, tray } = fakeTray({ trayImage: (label) => ({ label: `${style}:${label}` }) });
    tray.render(4);
    expect(state.image).toEqual({ label: 'onLight:4' });
    style = 'onDark';
    tray.restyle();
    expect(state.image).toEqual({ label: 'onDark:4' });
    expect(state.tooltip).toBe('Practice Messenger - 4 unread messages');
  });

  it('macOS: puts the count beside the template icon as the tray title', () => {
    const { state, tray } = fakeTray({ trayTitle: (label) => trayTitle('darwin', label) });
    tray.render(12);
    expect(state.title).toBe('12');
    tray.render(0);
    expect(state.title).toBe('');
    expect(trayTitle('win32', '12')).toBeNull();
  });
});

describe('trayIconStyle', () => {
  it('is a template on macOS, and follows the panel theme on Windows and Linux', () => {
    expect(trayIconStyle('darwin', true)).toBe('template');
    expect(trayIconStyle('win32', true)).toBe('onDark');
    expect(trayIconStyle('linux', false)).toBe('onLight');
  });
});

function fakeBadgePort(setBadgeCountResult = true) {
  const port = {
    setOverlayIcon: vi.fn(),
    setDockBadge: vi.fn(),
    setBadgeCount: vi.fn(() => setBadgeCountResult),
    overlayImage: vi.fn((label: string): FakeImage => ({ label })),
  } satisfies PlatformBadgePort<FakeImage>;
  return port;
}

describe('PlatformBadge', () => {
  it('Windows: taskbar overlay with the count and an exact spoken description; removed at 0', () => {
    const port = fakeBadgePort();
    const badge = new PlatformBadge('win32', port);
    badge.show(5);
    badge.show(150);
    badge.show(0);
    expect(port.setOverlayIcon.mock.calls).toEqual([
      [{ label: '5' }, '5 unread messages'],
      [{ label: '99+' }, '150 unread messages'],
      [null, ''],
    ]);
    expect(port.setDockBadge).not.toHaveBeenCalled();
  });

  it('macOS: dock badge text, cleared at 0', () => {
    const port = fakeBadgePort();
    const badge = new PlatformBadge('darwin', port);
    badge.show(1);
    badge.show(100);
    badge.show(0);
    expect(port.setDockBadge.mock.calls).toEqual([['1'], ['99+'], ['']]);
    expect(port.setOverlayIcon).not.toHaveBeenCalled();
  });

  it('Linux: launcher count where the desktop supports it', () => {
    const port = fakeBadgePort(true);
    const badge = new PlatformBadge('linux', port);
    badge.show(7);
    badge.show(0);
    expect(port.setBadgeCount.mock.calls).toEqual([[7], [0]]);
  });

  it('Linux: stops asking once the desktop says it has no launcher count', () => {
    const port = fakeBadgePort(false);
    const badge = new PlatformBadge('linux', port);
    badge.show(7);
    badge.show(8);
    expect(port.setBadgeCount).toHaveBeenCalledTimes(1);
  });
});

describe('UnreadIndicators', () => {
  it('sends the total to tray and badge together, only when it changes', () => {
    const tray = { render: vi.fn() };
    const badge = { show: vi.fn() };
    const indicators = new UnreadIndicators(tray, badge);
    indicators.update({ total: 4, byPractice: { p1: 3, p2: 1 } });
    indicators.update({ total: 4, byPractice: { p1: 2, p2: 2 } });
    indicators.update({ total: 0, byPractice: {} });
    expect(tray.render.mock.calls).toEqual([[4], [0]]);
    expect(badge.show.mock.calls).toEqual([[4], [0]]);
    expect(indicators.count).toBe(0);
  });

  it('re-applies the badge on demand (Windows drops the overlay while the window is hidden)', () => {
    const badge = { show: vi.fn() };
    const indicators = new UnreadIndicators({ render: vi.fn() }, badge);
    indicators.refresh();
    expect(badge.show).not.toHaveBeenCalled();
    indicators.update({ total: 6, byPractice: {} });
    indicators.refresh();
    expect(badge.show.mock.calls).toEqual([[6], [6]]);
  });
});

describe('unread wording', () => {
  it('says the exact count, singular and plural', () => {
    expect(unreadSentence(0)).toBe('No unread messages');
    expect(unreadSentence(1)).toBe('1 unread message');
    expect(unreadSentence(250)).toBe('250 unread messages');
    expect(trayTooltip('PM', 2)).toBe('PM - 2 unread messages');
  });
});
