// Secrets with safeStorage (never plain text; memory only on Linux basic_text) and preferences in
// electron-store. Electron is not loaded: safeStorage is a fake cipher and electron-store a Map.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WORKFLOW_PREFERENCES, type Preferences } from '../../common/desktop/index.js';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../main/electron/secrets/safe-storage-secret-store.js';
import { chooseSecretStore, secretStorageVerdict } from '../../main/electron/secrets/secret-storage-choice.js';
import { StoredPreferenceStore } from '../../main/electron/preferences/stored-preference-store.js';

function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    // A stand-in cipher: reversible, and visibly not the plain text.
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).reverse().toString('latin1')}`, 'latin1'),
    decryptString: (data) => {
      const text = data.toString('latin1');
      if (!text.startsWith('enc:'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'latin1').reverse().toString();
    },
    getSelectedStorageBackend: () => backend,
  };
}

function mapStore<T>() {
  const map = new Map<string, unknown>();
  return { map, get: (key: string) => map.get(key), set: (key: string, value: T) => void map.set(key, value) };
}

describe('secret storage choice', () => {
  it.each([
    ['linux', 'gnome_libsecret', true, true],
    ['linux', 'kwallet5', true, true],
    ['linux', 'basic_text', true, false],
    ['linux', 'unknown', true, false],
    ['win32', 'unknown', true, true],
    ['darwin', 'unknown', true, true],
    ['darwin', 'unknown', false, false],
  ] as const)(
    '%s with backend %s (encryption available: %s) -> persistent %s',
    (platform, backend, available, persistent) => {
      expect(secretStorageVerdict(platform, fakeSafeStorage(backend, available)).persistent).toBe(persistent);
    },
  );

  it('on basic_text says why and keeps secrets in memory only', () => {
    const log = vi.fn();
    const store = mapStore<Record<string, string>>();
    const choice = chooseSecretStore('linux', fakeSafeStorage('basic_text'), store, log);
    expect(choice.store.persistent).toBe(false);
    choice.store.set('token', 'secret-token');
    expect(choice.store.get('token')).toBe('secret-token');
    expect(store.map.size).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/basic_text.*sign in each time/s));
  });

  it('with a keyring uses safeStorage', () => {
    const choice = chooseSecretStore('linux', fakeSafeStorage('gnome_libsecret'), mapStore(), vi.fn());
    expect(choice.store).toBeInstanceOf(SafeStorageSecretStore);
    expect(choice.store.persistent).toBe(true);
  });
});

describe('SafeStorageSecretStore', () => {
  it('stores only ciphertext, reads back the value, and deletes', () => {
    const backing = mapStore<Record<string, string>>();
    const secrets = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), backing);
    secrets.set('token', 'tok-123');
    secrets.set('cacheKey', 'k-456');
    expect(JSON.stringify([...backing.map])).not.toMatch(/tok-123|k-456/);
    expect(secrets.get('token')).toBe('tok-123');
    expect(new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), backing).get('cacheKey')).toBe('k-456');
    secrets.delete('token');
    expect(secrets.get('token')).toBeNull();
    expect(secrets.get('cacheKey')).toBe('k-456');
  });

  it('forgets a value it can no longer decrypt (keyring reset) instead of failing', () => {
    const backing = mapStore<Record<string, string>>();
    backing.set('secrets', { token: Buffer.from('garbage').toString('base64') });
    const secrets = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), backing);
    expect(secrets.get('token')).toBeNull();
    expect(backing.map.get('secrets')).toEqual({});
  });
});

describe('StoredPreferenceStore', () => {
  const valid: Preferences = {
    notificationPrivacy: 'sender',
    idleLockMinutes: 10,
    startAtLogin: true,
    closeToTray: false,
    lastPracticeId: null,
    ...DEFAULT_WORKFLOW_PREFERENCES,
  };

  it('saves, tells listeners (to apply start-at-login and the idle lock), and loads back', () => {
    const backing = mapStore<typeof valid>();
    const prefs = new StoredPreferenceStore(backing);
    const listener = vi.fn();
    const off = prefs.onSaved(listener);
    prefs.save(valid);
    expect(listener).toHaveBeenCalledWith(valid);
    expect(prefs.load()).toEqual(valid);
    off();
    prefs.save({ ...valid, idleLockMinutes: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the valid fields of a damaged file and drops the rest', () => {
    const backing = mapStore<unknown>();
    backing.set('preferences', { notificationPrivacy: 'everything', idleLockMinutes: 15, startAtLogin: 'yes' });
    expect(new StoredPreferenceStore(backing).load()).toEqual({ idleLockMinutes: 15 });
    backing.set('preferences', 'junk');
    expect(new StoredPreferenceStore(backing).load()).toEqual({});
  });
});
