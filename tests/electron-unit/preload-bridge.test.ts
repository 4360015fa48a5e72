// The preload's desktop API: exactly the desktop methods plus `on` for desktop events, each method
// one invoke on its own channel, answering with outcomes so error codes survive contextBridge. Electron is not loaded:
// ipcRenderer is a fake (contextBridge itself is not exercised here; see tests/electron).
import { describe, expect, it, vi } from 'vitest';
import { callChannel, desktopEventNames, desktopMethodNames, eventChannel } from '../../common/desktop/index.js';
import { createDesktopBridge, DesktopCallError, type IpcRendererLike } from '../../preload/desktop-bridge.js';

function fakeIpc(reply: unknown = { ok: true, value: { name: 'Practice Messenger' } }) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcRendererLike = {
    invoke: vi.fn(async () => reply),
    on: (channel, listener) =>
      void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel))?.add(listener),
    removeListener: (channel, listener) => void listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) =>
    listeners.get(channel)?.forEach((l) => l({ sender: 'secret' }, payload));
  return { ipc, emit, listeners };
}

describe('preload desktop bridge', () => {
  it('exposes exactly the desktop API: its methods and on(), nothing generic', () => {
    const api = createDesktopBridge(fakeIpc().ipc);
    expect(Object.keys(api).sort()).toEqual([...desktopMethodNames, 'on'].sort());
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('invoke');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel and returns the value', async () => {
    const { ipc } = fakeIpc();
    const api = createDesktopBridge(ipc);
    await expect(api.getAppInfo({})).resolves.toEqual({ ok: true, value: { name: 'Practice Messenger' } });
    await api.getThread({ messageId: 'm1' });
    expect(vi.mocked(ipc.invoke).mock.calls).toEqual([
      ['pm:call:getAppInfo', {}],
      ['pm:call:getThread', { messageId: 'm1' }],
    ]);
  });

  it('answers a failure with a plain error outcome carrying the code (a thrown Error would lose it in contextBridge)', async () => {
    const api = createDesktopBridge(
      fakeIpc({ ok: false, error: { code: 'locked', message: 'The app is locked.', stack: 'x' } }).ipc,
    );
    await expect(api.getSession({})).resolves.toEqual({
      ok: false,
      error: { code: 'locked', message: 'The app is locked.' },
    });
  });

  it('turns a reply that is not an outcome into a bad_reply outcome', async () => {
    const api = createDesktopBridge(fakeIpc('weird').ipc);
    await expect(api.getSession({})).resolves.toMatchObject({ ok: false, error: { code: 'bad_reply' } });
  });

  it('subscribes to desktop events only, passes the payload only, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const api = createDesktopBridge(ipc);
    const listener = vi.fn();
    const off = api.on('unreadCount', listener);
    emit('pm:event:unreadCount', { total: 2, byPractice: {} });
    expect(listener).toHaveBeenCalledWith({ total: 2, byPractice: {} });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(listeners.get('pm:event:unreadCount')?.size).toBe(0);
    expect(() => api.on('ipc-message' as never, listener)).toThrow(DesktopCallError);
    expect(() => api.on('__proto__' as never, listener)).toThrow(DesktopCallError);
  });

  it('calls and listens on the channel names of common/desktop, which the host imports too', async () => {
    const { ipc, listeners } = fakeIpc();
    const api = createDesktopBridge(ipc);
    for (const method of desktopMethodNames) await (api[method] as (a: unknown) => Promise<unknown>)({});
    expect(vi.mocked(ipc.invoke).mock.calls.map(([channel]) => channel)).toEqual(desktopMethodNames.map(callChannel));
    for (const event of desktopEventNames) api.on(event, () => undefined);
    expect([...listeners.keys()].sort()).toEqual(desktopEventNames.map(eventChannel).sort());
  });
});
