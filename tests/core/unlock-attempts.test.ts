// The lock screen's wrong-password limit: 5 wrong passwords, then every attempt (a right one too) waits
// 30 s, doubling up to 15 min. The rule with a clock the test moves, then the real engine behind the real
// browser host: the wait holds across a page reload (a new bridge socket), and the right password works after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { UnlockAttempts, waitAfter } from '../../main/core/lock/unlock-attempts.js';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host.js';
import {
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  waitFor,
  type EngineTestServer,
} from '../support/engine-harness.js';
import { ManualClock } from '../support/manual-clock.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A password check that records each time it runs (the limit must stop attempts before it). */
function checker(rightPassword: string) {
  const checked: string[] = [];
  return { checked, check: (password: string) => async () => (checked.push(password), password === rightPassword) };
}

describe('the wrong-password limit', () => {
  it('refuses every attempt for 30 s after 5 wrong passwords, a right one too, without checking it', async () => {
    const clock = new ManualClock();
    const attempts = new UnlockAttempts(clock);
    const { checked, check } = checker('right');
    for (let i = 0; i < 5; i++) expect(await attempts.judge(check(`wrong-${i}`))).toBe(false);
    await expect(attempts.judge(check('right'))).rejects.toMatchObject({
      code: 'too_many_attempts',
      message: 'Too many wrong passwords. Try again in 30 seconds.',
    });
    clock.advance(29 * SECOND);
    await expect(attempts.judge(check('right'))).rejects.toMatchObject({
      message: 'Too many wrong passwords. Try again in 1 second.',
    });
    expect(checked).toHaveLength(5);
    clock.advance(SECOND);
    expect(await attempts.judge(check('right'))).toBe(true);
    // A right password starts the count again: 4 wrong ones are free once more.
    for (let i = 0; i < 4; i++) expect(await attempts.judge(check('wrong'))).toBe(false);
    expect(await attempts.judge(check('right'))).toBe(true);
  });

  it('doubles the wait with each further wrong password, up to 15 minutes', async () => {
    const clock = new ManualClock();
    const attempts = new UnlockAttempts(clock);
    const { check } = checker('right');
    for (let i = 0; i < 4; i++) await attempts.judge(check('wrong'));
    const waits: string[] = [];
    for (let failures = 5; failures <= 11; failures++) {
      expect(await attempts.judge(check('wrong'))).toBe(false);
      const refused: Error = await attempts.judge(check('right')).then(
        () => new Error('let in'),
        (error: Error) => error,
      );
      waits.push(refused.message.replace('Too many wrong passwords. Try again in ', ''));
      clock.advance(waitAfter(failures) - 1);
      await expect(attempts.judge(check('right'))).rejects.toMatchObject({ code: 'too_many_attempts' });
      clock.advance(1);
    }
    expect(waits).toEqual([
      '30 seconds.',
      '60 seconds.',
      '2 minutes.',
      '4 minutes.',
      '8 minutes.',
      '15 minutes.',
      '15 minutes.',
    ]);
    expect([5, 6, 10, 11, 40].map(waitAfter)).toEqual([30 * SECOND, MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
  });

  it('judges parallel attempts one at a time, so 8 at once get 5 checks and 3 refusals', async () => {
    const attempts = new UnlockAttempts(new ManualClock());
    const { checked, check } = checker('right');
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => attempts.judge(check(`w${i}`))));
    expect(checked).toHaveLength(5);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(3);
  });

  it('does not count a check that could not answer', async () => {
    const attempts = new UnlockAttempts(new ManualClock());
    const { checked, check } = checker('right');
    for (let i = 0; i < 4; i++) await attempts.judge(check('wrong'));
    await expect(attempts.judge(() => Promise.reject(new Error('server trouble')))).rejects.toThrow('server trouble');
    expect(await attempts.judge(check('wrong'))).toBe(false); // the 5th wrong one: the wait starts only now
    await expect(attempts.judge(check('right'))).rejects.toMatchObject({ code: 'too_many_attempts' });
    expect(checked).toHaveLength(5);
  });
});

describe('the limit in the engine, behind the browser host', () => {
  let server: EngineTestServer;
  let host: RunningWebHost;
  let rendererDir: string;
  const SECRET = 'b'.repeat(64);
  const clock = new ManualClock();
  const t = makeEngine({ clock });

  beforeAll(async () => {
    server = await startEngineTestServer();
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Practice Messenger</title>');
    host = await startWebHost({ engine: t.engine, rendererDir, port: 0, secret: SECRET });
    await signIn(t, server.url, 'frontdesk@sunrise.example');
  });
  afterAll(async () => {
    await host?.close();
    await t.stop();
    await server?.cleanup();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  /** A page's bridge connection; `unlock` answers with the wire's result frame. */
  async function openPage() {
    const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?secret=${SECRET}`, {
      origin: host.origin,
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let nextId = 1;
    const unlock = (password: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = nextId++;
        const onFrame = (data: WebSocket.RawData) => {
          const frame = JSON.parse(String(data)) as Record<string, unknown>;
          if (frame.type !== 'result' || frame.id !== id) return;
          socket.off('message', onFrame);
          resolve(frame);
        };
        socket.on('message', onFrame);
        socket.send(JSON.stringify({ type: 'call', id, method: 'unlock', args: { password } }));
      });
    return { unlock, close: () => socket.close() };
  }

  it('keeps the wait across a page reload, and lets the right password in once it is over', async () => {
    // Offline, the password is checked against the cache's verifier (the server keeps its own limit).
    await server.stop();
    t.engine.lockNow();
    await waitFor('locked', () => t.engine.locked);
    const page = await openPage();
    for (let i = 0; i < 5; i++)
      expect(await page.unlock(`wrong-${i}`)).toMatchObject({ ok: true, value: { unlocked: false } });
    page.close();

    const reloaded = await openPage();
    const tooMany = {
      ok: false,
      error: { code: 'too_many_attempts', message: 'Too many wrong passwords. Try again in 30 seconds.' },
    };
    expect(await reloaded.unlock(DEMO_PASSWORD)).toMatchObject(tooMany);
    expect(t.engine.locked).toBe(true);
    clock.advance(30 * SECOND);
    expect(await reloaded.unlock(DEMO_PASSWORD)).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(t.engine.locked).toBe(false);
    reloaded.close();
  });
});
