// IPC validation in the Electron host: forged senders and malformed arguments never reach the engine.
// Electron is not loaded: ipcMain and the IPC event (sender, senderFrame) are plain fakes; the engine
// handlers are stubs behind the engine's real call pipeline (main/core/bridge/dispatch.ts, the common/ schemas).
import { describe, expect, it, vi } from 'vitest';
import { callChannel, desktopMethodNames, type DesktopHandlers } from '../../common/desktop/index.js';
import { validatedHandlers, type DispatchOutcome } from '../../main/core/bridge/dispatch.js';
import { registerDesktopIpc, type IpcMainLike } from '../../main/electron/ipc/desktop-ipc.js';
import {
  createSenderCheck,
  rendererLocation,
  type IpcSenderInfo,
} from '../../main/electron/security/renderer-location.js';

const OUR_URL = 'pm-app://renderer/index.html';
const WINDOW_ID = 7;

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcSenderInfo, args: unknown) => Promise<DispatchOutcome>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function stubHandlers(): DesktopHandlers {
  const stubs: Record<string, unknown> = {};
  for (const name of desktopMethodNames) stubs[name] = vi.fn(async () => ({ ok: true }));
  stubs.getThread = vi.fn(async () => ({ thread: 'stub' }));
  stubs.unlock = vi.fn(async ({ password }: { password: string }) => ({ unlocked: password === 'right' }));
  return stubs as DesktopHandlers;
}

const ourEvent = (overrides: Partial<{ url: string; parent: unknown; id: number }> = {}): IpcSenderInfo => ({
  sender: { id: overrides.id ?? WINDOW_ID },
  senderFrame: { url: overrides.url ?? OUR_URL, parent: 'parent' in overrides ? overrides.parent : null },
});

function setup(devUrl: string | null = null) {
  const { ipcMain, handlers: registered } = fakeIpcMain();
  const engine = stubHandlers();
  const gate = { refusal: vi.fn(() => null), afterCall: vi.fn() };
  const log = vi.fn();
  const unregister = registerDesktopIpc({
    ipcMain,
    handlers: validatedHandlers(engine),
    isTrustedSender: createSenderCheck(rendererLocation(devUrl), () => WINDOW_ID),
    gate,
    log,
  });
  const call = (method: string, event: IpcSenderInfo, args: unknown) => {
    const listener = registered.get(`pm:call:${method}`);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener(event, args);
  };
  return { registered, engine, gate, log, unregister, call };
}

describe('registerDesktopIpc', () => {
  it('registers exactly one handler per desktop method, and removes them all', () => {
    const { registered, unregister } = setup();
    expect([...registered.keys()].sort()).toEqual(desktopMethodNames.map((m) => callChannel(m)).sort());
    unregister();
    expect(registered.size).toBe(0);
  });

  it('passes a valid call from our page to the engine and returns its value', async () => {
    const { call, engine } = setup();
    const outcome = await call('getThread', ourEvent({ url: `${OUR_URL}#/inbox` }), { messageId: 'm1' });
    expect(outcome).toEqual({ ok: true, value: { thread: 'stub' } });
    expect(engine.getThread).toHaveBeenCalledWith({ messageId: 'm1' });
  });

  it.each([
    [
      'our built page opened as a file',
      ourEvent({ url: 'file:///opt/practice-messenger/resources/app.asar/out/renderer/index.html' }),
    ],
    ['another host of our scheme', ourEvent({ url: 'pm-app://elsewhere/index.html' })],
    ['a web page', ourEvent({ url: 'https://evil.example/index.html' })],
    ['a sub-frame of our page', ourEvent({ parent: { url: OUR_URL } })],
    ['another webContents', ourEvent({ id: WINDOW_ID + 1 })],
    ['a destroyed frame', { sender: { id: WINDOW_ID }, senderFrame: null }],
    ['an unparseable URL', ourEvent({ url: 'not a url' })],
    ['the dev server when none is configured', ourEvent({ url: 'http://localhost:5173/' })],
  ])('refuses a forged sender: %s', async (_name, event) => {
    const { call, engine, log } = setup();
    const outcome = await call('getThread', event, { messageId: 'm1' });
    expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden_sender' }) });
    expect(engine.getThread).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.not.stringContaining('m1'));
  });

  it('accepts the dev server page only when it is the configured one', async () => {
    const { call } = setup('http://localhost:5173');
    expect((await call('getAppInfo', ourEvent({ url: 'http://localhost:5173/#/x' }), {})).ok).toBe(true);
    expect((await call('getAppInfo', ourEvent({ url: 'http://localhost:5174/' }), {})).ok).toBe(false);
  });

  it.each([
    ['a missing field', 'getThread', {}],
    ['a wrong type', 'getThread', { messageId: 42 }],
    ['an extra field', 'getThread', { messageId: 'm1', sql: 'drop table' }],
    ['a non-object', 'signIn', 'frontdesk@sunrise.example'],
    ['a server address that is not a URL', 'signIn', { serverUrl: 'sunrise clinic', email: 'a@b.c', password: 'x' }],
    ['an oversized query', 'searchMessages', { practiceId: 'p1', query: 'x'.repeat(201) }],
  ])('refuses malformed arguments (%s) before the engine sees them', async (_name, method, args) => {
    const { call, engine } = setup();
    const outcome = await call(method, ourEvent(), args);
    expect(outcome).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_arguments' }) });
    expect(engine[method as keyof DesktopHandlers]).not.toHaveBeenCalled();
  });

  it('asks the gate first (the idle lock) and reports each outcome back to it', async () => {
    const { call, engine, gate } = setup();
    gate.refusal.mockReturnValueOnce({ code: 'locked', message: 'Locked.' } as never);
    expect(await call('getThread', ourEvent(), { messageId: 'm1' })).toEqual({
      ok: false,
      error: { code: 'locked', message: 'Locked.' },
    });
    expect(engine.getThread).not.toHaveBeenCalled();
    await call('unlock', ourEvent(), { password: 'right' });
    expect(gate.afterCall).toHaveBeenCalledWith('unlock', { ok: true, value: { unlocked: true } });
  });

  it('maps an engine failure to a generic error without its details', async () => {
    const { call, engine } = setup();
    vi.mocked(engine.getThread).mockRejectedValueOnce(new Error('patient Jane Doe, DOB 1970-01-01'));
    const outcome = await call('getThread', ourEvent(), { messageId: 'm1' });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain('Jane');
  });
});
