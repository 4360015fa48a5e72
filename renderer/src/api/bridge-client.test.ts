// The Electron bridge adapter: outcomes become values or coded errors, so the UI can branch on codes in Electron too.
import { describe, expect, it, vi } from 'vitest';
import { desktopMethodNames, type DesktopBridge } from '../../../common/desktop/index.js';
import { desktopApiFromBridge } from './bridge-client.js';
import { DesktopCallError } from './web-socket-client.js';

function fakeBridge(outcome: unknown): DesktopBridge {
  const bridge: Record<string, unknown> = { on: vi.fn(() => () => undefined) };
  for (const name of desktopMethodNames) bridge[name] = vi.fn(async () => outcome);
  return bridge as DesktopBridge;
}

describe('desktopApiFromBridge', () => {
  it('returns the value of an ok outcome', async () => {
    const api = desktopApiFromBridge(
      fakeBridge({ ok: true, value: { name: 'Practice Messenger', version: '1.2.3', host: 'electron' } }),
    );
    await expect(api.getAppInfo({})).resolves.toEqual({
      name: 'Practice Messenger',
      version: '1.2.3',
      host: 'electron',
    });
  });

  it('throws a DesktopCallError with the code of a failed outcome', async () => {
    const api = desktopApiFromBridge(
      fakeBridge({ ok: false, error: { code: 'invalid_credentials', message: 'Wrong email or password.' } }),
    );
    const error = await api
      .signIn({ serverUrl: 'http://127.0.0.1:1', email: 'a@b.c', password: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DesktopCallError);
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'Wrong email or password.' });
  });

  it('passes event subscriptions straight through', () => {
    const bridge = fakeBridge({ ok: true, value: null });
    const api = desktopApiFromBridge(bridge);
    const listener = vi.fn();
    api.on('unreadCount', listener);
    expect(bridge.on).toHaveBeenCalledWith('unreadCount', listener);
  });
});
