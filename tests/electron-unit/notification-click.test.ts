// Notification clicks: the window is shown and focused at the clicked message, exactly once, and
// after unlock if the app is locked. Electron is not loaded: Notification is a fake with a click().
import { describe, expect, it, vi } from 'vitest';
import type { DesktopEventName } from '../../common/desktop/index.js';
import type { NotificationRequest } from '../../main/core/host-ports.js';
import { RendererEventRouter } from '../../main/electron/ipc/renderer-event-router.js';
import { AppLock } from '../../main/core/lock/app-lock.js';
import { ElectronNotifier, type NotificationLike } from '../../main/electron/notifications/electron-notifier.js';

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close' | 'failed', listener: () => void) {
    this.listeners.set(event, listener);
  }
  show() {
    this.shown = true;
  }
  click() {
    this.listeners.get('click')?.();
  }
}

const request: NotificationRequest = {
  title: 'New message',
  body: 'From Dr. Patel',
  target: { practiceId: 'p1', messageId: 'm42' },
};

function setup(now = () => 1_000) {
  const created: FakeNotification[] = [];
  const sent: [DesktopEventName, unknown][] = [];
  const router = new RendererEventRouter((event, payload) => void sent.push([event, payload]), now);
  const showWindow = vi.fn();
  const notifier = new ElectronNotifier({
    isSupported: () => true,
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification;
    },
    activate: (target) => {
      showWindow();
      if (target) router.deliver('showMessage', target);
    },
  });
  return { created, sent, router, showWindow, notifier };
}

describe('ElectronNotifier', () => {
  it('shows the notification and keeps it referenced until clicked', () => {
    const { created, notifier } = setup();
    notifier.notify(request, () => undefined);
    expect(created[0]?.shown).toBe(true);
    expect(created[0]?.options).toEqual({ title: 'New message', body: 'From Dr. Patel', silent: false });
    expect(notifier.pending).toBe(1);
  });

  it('on click shows and focuses the window, sends showMessage, then tells the engine', () => {
    const { created, sent, showWindow, notifier } = setup();
    const engineOnClick = vi.fn();
    notifier.notify(request, engineOnClick);
    created[0]?.click();
    expect(showWindow).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['showMessage', { practiceId: 'p1', messageId: 'm42' }]]);
    expect(engineOnClick).toHaveBeenCalledTimes(1);
    expect(notifier.pending).toBe(0);
  });

  it("delivers the message once although the engine's click handler emits showMessage too", () => {
    const { created, sent, router, notifier } = setup();
    notifier.notify(request, () => router.deliver('showMessage', { practiceId: 'p1', messageId: 'm42' }));
    created[0]?.click();
    expect(sent.filter(([event]) => event === 'showMessage')).toHaveLength(1);
  });

  it('a click on a summary notification (no target) only shows the window', () => {
    const { created, sent, showWindow, notifier } = setup();
    notifier.notify({ ...request, target: null }, () => undefined);
    created[0]?.click();
    expect(showWindow).toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('opens the message only after unlock when the app is locked (the engine holds it meanwhile)', () => {
    const { created, sent, router } = setup();
    const clock = { now: () => 0, setTimeout: () => 'timer', clearTimeout: () => undefined };
    const lock = new AppLock(clock, (event, payload) => router.deliver(event, payload));
    lock.deliver('syncStatus', {
      state: 'online',
      syncedMessages: 0,
      initialSyncDone: true,
      lastError: null,
      pendingOutbox: 0,
    });
    lock.lock();
    // As desktop-host.ts wires it: the host opens the message itself only when unlocked.
    const notifier = new ElectronNotifier({
      isSupported: () => true,
      create: (options) => {
        const notification = new FakeNotification(options);
        created.push(notification);
        return notification;
      },
      activate: (target) => {
        if (target && !lock.locked) router.deliver('showMessage', target);
      },
    });
    notifier.notify(request, () => lock.deliver('showMessage', { practiceId: 'p1', messageId: 'm42' }));
    created[0]?.click();
    expect(sent.map(([event]) => event)).toEqual(['syncStatus', 'locked']);
    lock.release('unlocked');
    expect(sent.slice(2)).toEqual([
      ['locked', { locked: false }],
      ['showMessage', { practiceId: 'p1', messageId: 'm42' }],
    ]);
  });

  it('does nothing where the desktop has no notifications', () => {
    const create = vi.fn();
    const notifier = new ElectronNotifier({ isSupported: () => false, create, activate: vi.fn(), log: vi.fn() });
    notifier.notify(request, () => undefined);
    expect(create).not.toHaveBeenCalled();
  });
});
