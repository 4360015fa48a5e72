import { describe, expect, it, vi } from 'vitest';
import { desktopMethods } from '../../../common/desktop/index.js';
import { DesktopCallError, type DesktopHandlers } from '../../../common/desktop/index.js';
import { dispatchDesktopCall, validatedHandlers } from './dispatch.js';

// The engine's methods as the engine wraps them: the pipeline validates, the stubs record calls.
const handlers = (overrides: Partial<DesktopHandlers>) => validatedHandlers(overrides as DesktopHandlers);

describe('dispatchDesktopCall', () => {
  it('calls the handler with parsed arguments and returns its value', async () => {
    const getAppInfo = vi.fn(async () => ({ name: 'Practice Messenger', version: '1.0.0', host: 'web' as const }));
    const outcome = await dispatchDesktopCall(handlers({ getAppInfo }), 'getAppInfo', {});
    expect(outcome).toEqual({ ok: true, value: { name: 'Practice Messenger', version: '1.0.0', host: 'web' } });
    expect(getAppInfo).toHaveBeenCalledOnce();
  });

  it('refuses unknown methods, including inherited object keys, without calling anything', async () => {
    for (const method of ['deleteMessage', 'constructor', '__proto__', 'toString']) {
      const outcome = await dispatchDesktopCall(handlers({}), method, {});
      expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('refuses malformed arguments before the handler runs', async () => {
    const setMessageState = vi.fn();
    for (const args of [
      { messageId: '' },
      { messageId: 'm1', patch: { deleted: true } },
      'text',
      [1],
      { messageId: 'm1', patch: {}, extra: 1 },
    ]) {
      const outcome = await dispatchDesktopCall(handlers({ setMessageState }), 'setMessageState', args);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    }
    expect(setMessageState).not.toHaveBeenCalled();
  });

  it('keeps coded engine errors and hides anything else behind a generic sentence', async () => {
    const coded = new DesktopCallError('invalid_credentials', 'The server refused the password.');
    const signIn = vi.fn(async () => Promise.reject(coded));
    const args = { serverUrl: 'http://127.0.0.1:1', email: 'a@b.c', password: 'x' };
    expect(await dispatchDesktopCall(handlers({ signIn }), 'signIn', args)).toEqual({
      ok: false,
      error: { code: 'invalid_credentials', message: 'The server refused the password.' },
    });
    const getSession = vi.fn(async () => Promise.reject(new Error('SQLITE_CORRUPT near "Ana Ruiz"')));
    const outcome = await dispatchDesktopCall(handlers({ getSession }), 'getSession', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(outcome)).not.toContain('Ana Ruiz');
  });

  it('parses the arguments once per call, from the host to the engine', async () => {
    const parse = vi.spyOn(desktopMethods.getThread.args, 'safeParse');
    const getThread = vi.fn(async () => ({ messages: [], muted: false, portal: null }));
    await dispatchDesktopCall(handlers({ getThread }), 'getThread', { messageId: 'm1' });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(getThread).toHaveBeenCalledWith({ messageId: 'm1' });
    parse.mockRestore();
  });
});
