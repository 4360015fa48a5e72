// Notification clicks take one path: the host shows and focuses the window, the engine's click handler
// emits showMessage (here: what the engine's NotificationDispatcher does), the router delivers it once,
// after unlock if the app is locked. No de-duplication timer. Electron is not loaded: Notification is a fake.
import { describe, expect, it, vi } from 'vitest';
import type { DesktopEventName } from '../../common/desktop/index.js';
import type { NotificationRequest } from '../../main/core/host-ports.js';
import { RendererEventRouter } from '../../main/electron/ipc/renderer-event-router.js';
import { AppLock } from '../../main/core/lock/app-lock.js';
import {
  ElectronNotifier,
  KEPT_AFTER_CLOSE,
  type NotificationLike,
} from '../../main/electron/notifications/electron-notifier.js';
import { windowsToastXml } from '../../main/electron/notifications/windows-toast.js';

class FakeNotification implements NotificationLike {
  readonly listeners = new Map<string, () => void>();
  shown = false;
  constructor(readonly options: { title: string; body: string; toastXml?: string }) {}
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

function setup(platform: NodeJS.Platform = 'linux') {
  const created: FakeNotification[] = [];
  const sent: [DesktopEventName, unknown][] = [];
  const router = new RendererEventRouter((event, payload) => void sent.push([event, payload]));
  const showWindow = vi.fn();
  const notifier = new ElectronNotifier({
    platform,
    deepLink: (target) => `practice-messenger://open?server=https%3A%2F%2Fx.org&message=${target.messageId}`,
    isSupported: () => true,
    create: (options) => {
      const notification = new FakeNotification(options);
      created.push(notification);
      return notification;
    },
    activate: () => showWindow(),
  });
  /** The engine's side of a click: open the message the notification was about. */
  const engineClick = (target: NotificationRequest['target']) => () => {
    if (target) router.deliver('showMessage', target);
  };
  return { created, sent, router, showWindow, notifier, engineClick };
}

describe('ElectronNotifier', () => {
  it('shows the notification and keeps it referenced until clicked', () => {
    const { created, notifier } = setup();
    notifier.notify(request, () => undefined);
    expect(created[0]?.shown).toBe(true);
    expect(created[0]?.options).toEqual({ title: 'New message', body: 'From Dr. Patel', silent: false });
    expect(notifier.pending).toBe(1);
  });

  it('on click shows and focuses the window, then the engine opens the message: showMessage once', () => {
    const { created, sent, showWindow, notifier, engineClick } = setup();
    notifier.notify(request, engineClick(request.target));
    created[0]?.click();
    expect(showWindow).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([['showMessage', { practiceId: 'p1', messageId: 'm42' }]]);
    expect(notifier.pending).toBe(0);
  });

  it('opens the message again for a second notification about it clicked right after (no de-dup timer)', () => {
    const { created, sent, notifier, engineClick } = setup();
    notifier.notify(request, engineClick(request.target));
    notifier.notify(request, engineClick(request.target));
    created[0]?.click();
    created[1]?.click();
    expect(sent.filter(([event]) => event === 'showMessage')).toHaveLength(2);
  });

  it('a click on a summary notification (no target) only shows the window', () => {
    const { created, sent, showWindow, notifier, engineClick } = setup();
    notifier.notify({ ...request, target: null }, engineClick(null));
    created[0]?.click();
    expect(showWindow).toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('opens the message only after unlock when the app is locked (the engine holds it meanwhile)', () => {
    const { created, sent, router, notifier } = setup();
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
    // The host only shows the window; the engine's showMessage for the click passes its lock.
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
    const notifier = new ElectronNotifier({
      platform: 'linux',
      isSupported: () => false,
      create,
      activate: vi.fn(),
      deepLink: () => null,
      log: vi.fn(),
    });
    notifier.notify(request, () => undefined);
    expect(create).not.toHaveBeenCalled();
  });

  it('elsewhere than Windows forgets a notification once it closes', () => {
    const { created, notifier } = setup();
    notifier.notify(request, () => undefined);
    created[0]?.listeners.get('close')?.();
    expect(notifier.pending).toBe(0);
  });
});

describe('Windows toasts', () => {
  it('launch the message link from the Action Center (protocol activation), escaped as XML', () => {
    const { created, notifier } = setup('win32');
    notifier.notify({ ...request, title: 'New <secure> message', body: 'From Dr. "Lee" & co' }, () => undefined);
    const xml = created[0]?.options.toastXml ?? '';
    expect(xml).toContain(
      '<toast launch="practice-messenger://open?server=https%3A%2F%2Fx.org&amp;message=m42" activationType="protocol">',
    );
    expect(xml).toContain('<text>New &lt;secure&gt; message</text><text>From Dr. &quot;Lee&quot; &amp; co</text>');
    expect(windowsToastXml('Hi', '', null)).toBe(
      '<toast><visual><binding template="ToastGeneric"><text>Hi</text></binding></visual></toast>',
    );
  });

  it('stay referenced after the toast closes (it waits in the Action Center), the newest 20 at most', () => {
    const { created, notifier } = setup('win32');
    notifier.notify(request, () => undefined);
    created[0]?.listeners.get('close')?.();
    expect(notifier.pending).toBe(1);
    for (let i = 0; i < KEPT_AFTER_CLOSE + 5; i++) notifier.notify(request, () => undefined);
    expect(notifier.pending).toBe(KEPT_AFTER_CLOSE);
  });
});
