// Which server addresses the app signs in to: https anywhere, plain http only on this computer unless
// the development flag is set; a refused address never reaches the network and saves nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowHttpFromEnv, serverAddressProblem } from '../../main/core/session/server-address-policy.js';
import { makeEngine } from '../support/engine-harness.js';

describe('server address policy', () => {
  it.each([
    'https://messages.example-practice.org',
    'https://192.168.1.20:8443',
    'http://127.0.0.1:8787',
    'http://127.45.6.7',
    'http://localhost:8787',
    'http://LOCALHOST',
    'http://[::1]:8787',
    'http://[::ffff:127.0.0.1]:8787',
    'http://2130706433:8787', // 127.0.0.1 written as one number
  ])('accepts %s', (url) => {
    expect(serverAddressProblem(url, false)).toBeNull();
  });

  it.each([
    'http://messages.example-practice.org',
    'http://192.168.1.20:8787',
    'http://10.0.0.5',
    'http://[::2]',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example',
    'http://0.0.0.0:8787',
    'ftp://127.0.0.1',
  ])('refuses %s with a clear error', (url) => {
    expect(serverAddressProblem(url, false)).toMatchObject({
      code: 'insecure_server_address',
      message: expect.stringContaining('https://'),
    });
  });

  it('allows plain http anywhere only with the development flag set to 1', () => {
    expect(serverAddressProblem('http://192.168.1.20:8787', true)).toBeNull();
    expect(serverAddressProblem('ftp://192.168.1.20', true)).not.toBeNull();
    expect(allowHttpFromEnv({ PRACTICE_MESSENGER_ALLOW_HTTP: '1' })).toBe(true);
    expect(allowHttpFromEnv({ PRACTICE_MESSENGER_ALLOW_HTTP: 'yes' })).toBe(false);
    expect(allowHttpFromEnv({})).toBe(false);
  });
});

describe('signing in', () => {
  it('refuses a plain-http server on another machine before sending the password, and keeps nothing', async () => {
    const t = makeEngine({ allowHttp: false });
    try {
      await expect(
        t.engine.handlers.signIn({ serverUrl: 'http://192.0.2.10:8787', email: 'a@b.example', password: 'pw' }),
      ).rejects.toMatchObject({ code: 'insecure_server_address' });
      expect(t.secrets.get('session')).toBeNull();
      expect(fs.existsSync(path.join(t.dir, 'accounts'))).toBe(false);
    } finally {
      await t.stop();
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });

  it('with the development flag, goes on to the plain-http server (here: nothing listens, so offline)', async () => {
    const t = makeEngine({ allowHttp: true });
    try {
      // 0.0.0.0 is not loopback to the policy, but connecting to it reaches this machine (Linux), where
      // nothing listens on port 9: refused at once by the network, not by the policy.
      await expect(
        t.engine.handlers.signIn({ serverUrl: 'http://0.0.0.0:9', email: 'a@b.example', password: 'pw' }),
      ).rejects.toMatchObject({ code: 'offline' });
    } finally {
      await t.stop();
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
