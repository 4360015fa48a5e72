// Badge text, backoff, the JSON-file stores, the password verifier and the sync envelope reader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKFLOW_PREFERENCES } from '../../common/desktop/index.js';
import { badgeText } from '../../main/core/badge/badge-text.js';
import { checkVerifier, makeVerifier } from '../../main/core/session/password-verifier.js';
import { JsonFilePreferenceStore } from '../../main/core/stores/json-file-preference-store.js';
import { JsonFileSecretStore } from '../../main/core/stores/json-file-secret-store.js';
import { Backoff } from '../../main/core/sync/backoff.js';
import { readSyncEnvelope } from '../../main/core/sync/parse-sync-page.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-small-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-3, ''],
    [1, '1'],
    [42, '42'],
    [99, '99'],
    [100, '99+'],
    [12345, '99+'],
  ])('%i -> "%s"', (n, text) => expect(badgeText(n)).toBe(text));
});

describe('Backoff', () => {
  it('grows exponentially with full jitter and caps at 60 s', () => {
    const top = new Backoff(500, 60_000, () => 0.999999);
    const ceilings = Array.from({ length: 10 }, () => top.nextDelayMs());
    expect(ceilings.slice(0, 4)).toEqual([499, 999, 1999, 3999]);
    expect(Math.max(...ceilings)).toBeLessThan(60_000);
    expect(ceilings.at(-1)).toBe(59_999);
    const bottom = new Backoff(500, 60_000, () => 0);
    expect(bottom.nextDelayMs()).toBe(0);
    top.reset();
    expect(top.nextDelayMs()).toBe(499);
  });
});

describe('JsonFileSecretStore', () => {
  it('keeps secrets in a file only its owner can read, across instances', () => {
    const file = path.join(dir, 'secrets', 'secrets.json');
    const store = new JsonFileSecretStore(file);
    expect(store.persistent).toBe(true);
    store.set('token', 't-1');
    store.set('cacheKey', 'k');
    store.delete('cacheKey');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = new JsonFileSecretStore(file);
    expect([again.get('token'), again.get('cacheKey')]).toEqual(['t-1', null]);
  });
  it('starts empty from a damaged file', () => {
    const file = path.join(dir, 'bad-secrets.json');
    fs.writeFileSync(file, '{not json');
    expect(new JsonFileSecretStore(file).get('token')).toBeNull();
  });
});

describe('JsonFilePreferenceStore', () => {
  it('saves and loads preferences, ignoring invalid content', () => {
    const file = path.join(dir, 'prefs', 'prefs.json');
    const store = new JsonFilePreferenceStore(file);
    expect(store.load()).toEqual({});
    const prefs = {
      notificationPrivacy: 'sender' as const,
      idleLockMinutes: 10,
      startAtLogin: true,
      closeToTray: true,
      lastPracticeId: null,
      ...DEFAULT_WORKFLOW_PREFERENCES,
    };
    store.save(prefs);
    expect(new JsonFilePreferenceStore(file).load()).toEqual(prefs);
    fs.writeFileSync(file, JSON.stringify({ notificationPrivacy: 'loud' }));
    expect(store.load()).toEqual({});
  });
});

describe('password verifier', () => {
  it('accepts the password it was made from and nothing else', async () => {
    const v = await makeVerifier('demo-password-1');
    expect(v).not.toContain('demo-password-1');
    expect(await checkVerifier('demo-password-1', v)).toBe(true);
    expect(await checkVerifier('demo-password-2', v)).toBe(false);
    expect(await checkVerifier('x', 'garbage')).toBe(false);
  });
});

describe('readSyncEnvelope', () => {
  it('reads the cursor and `more` from the tail of the server layout, and falls back to a full parse', () => {
    const changes = [{ kind: 'settings' }];
    const server = `{"changes":${JSON.stringify(changes)},"cursor":"c\\"7","more":true}`;
    expect(readSyncEnvelope(server, 500)).toMatchObject({ cursor: 'c"7', more: true, changeCount: 500 });
    const reordered = JSON.stringify({ more: false, cursor: 'c8', changes });
    expect(readSyncEnvelope(reordered, 500)).toMatchObject({ cursor: 'c8', more: false, changeCount: 1 });
    expect(readSyncEnvelope('{"changes":[],"cursor":1,"more":true}', 500)).toBeNull();
    expect(readSyncEnvelope('not json', 500)).toBeNull();
  });
});
