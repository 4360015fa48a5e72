// The policy inside the real engine against a real demo server: sign-in held to the policy's server (a session
// saved for another one is not reopened), preferences capped on load and on save, and the renderer told what is
// managed (getManagedPolicy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_PASSWORD,
  makeEngine,
  signIn,
  startEngineTestServer,
  type EngineTestServer,
  type TestEngine,
} from '../support/engine-harness.js';

let server: EngineTestServer;
let t: TestEngine;
const policy = { serverUrl: '', maxNotificationContent: 'sender' as const, maxIdleLockMinutes: 15, startAtLogin: true };

beforeAll(async () => {
  server = await startEngineTestServer();
  policy.serverUrl = server.url;
  const first = makeEngine();
  // Preferences saved before the policy arrived: above its maximums.
  writeFileSync(
    join(first.dir, 'preferences.json'),
    JSON.stringify({ notificationPrivacy: 'full', idleLockMinutes: 0, startAtLogin: false }),
  );
  await first.stop();
  t = makeEngine({ dir: first.dir, options: { policy } });
  await t.engine.start();
});

afterAll(async () => {
  await t?.stop();
  await server?.cleanup();
});

describe('the engine under a policy', () => {
  it('tells the renderer what the administrator fixed', async () => {
    expect(await t.engine.handlers.getManagedPolicy({})).toEqual(policy);
  });

  it('loads saved preferences within the policy', async () => {
    expect(await t.engine.handlers.getPreferences({})).toMatchObject({
      notificationPrivacy: 'sender',
      idleLockMinutes: 15,
      startAtLogin: true,
    });
  });

  it('saves preferences within the policy, whatever the renderer asks', async () => {
    const saved = await t.engine.handlers.savePreferences({
      notificationPrivacy: 'full',
      idleLockMinutes: 200,
      startAtLogin: false,
    });
    expect(saved).toMatchObject({ notificationPrivacy: 'sender', idleLockMinutes: 15, startAtLogin: true });
    expect(
      await t.engine.handlers.savePreferences({ notificationPrivacy: 'generic', idleLockMinutes: 5 }),
    ).toMatchObject({
      notificationPrivacy: 'generic',
      idleLockMinutes: 5,
    });
  });

  it('refuses to sign in to another server, and signs in to the policy server', async () => {
    await expect(
      t.engine.handlers.signIn({
        serverUrl: 'http://127.0.0.1:9',
        email: 'frontdesk@sunrise.example',
        password: DEMO_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'server_locked' });
    expect((await t.engine.handlers.getSession({})).signedIn).toBe(false);
    const session = await t.engine.handlers.signIn({
      serverUrl: `${server.url}/`,
      email: 'frontdesk@sunrise.example',
      password: DEMO_PASSWORD,
    });
    expect(session.signedIn).toBe(true);
  });
});

describe('a session saved before the policy held this computer to another server', () => {
  it('is not reopened, and comes back when the policy allows its server again', async () => {
    const before = makeEngine();
    await signIn(before, server.url, 'frontdesk@sunrise.example');
    await before.stop();
    const held = makeEngine({ dir: before.dir, options: { policy: { serverUrl: 'https://practice.example.org' } } });
    try {
      await held.engine.start();
      expect(await held.engine.handlers.getSession({})).toMatchObject({ signedIn: false, serverUrl: null });
    } finally {
      await held.stop();
    }
    const allowed = makeEngine({ dir: before.dir, options: { policy: { serverUrl: server.url } } });
    try {
      await allowed.engine.start();
      expect(await allowed.engine.handlers.getSession({})).toMatchObject({ signedIn: true, serverUrl: server.url });
    } finally {
      await allowed.stop();
    }
  });
});
