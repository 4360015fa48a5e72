// The engine's SecretStore over safeStorage: values encrypted with the OS keychain/DPAPI/libsecret
// key and persisted (as base64) in electron-store. Never written in plain text.
import type { SecretStore } from '../../core/host-ports.js';

/** The slice of Electron's safeStorage used here (mocked in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret service backs the key. */
  getSelectedStorageBackend?(): string;
}

export interface EncryptedValueStore {
  get(key: 'secrets'): unknown;
  set(key: 'secrets', value: Record<string, string>): void;
}

export class SafeStorageSecretStore implements SecretStore {
  readonly persistent = true;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly store: EncryptedValueStore,
  ) {}

  get(name: string): string | null {
    const encrypted = this.all()[name];
    if (encrypted === undefined) return null;
    try {
      return this.safeStorage.decryptString(Buffer.from(encrypted, 'base64'));
    } catch {
      // Encrypted under another key (new OS user, reset keyring): useless now, so forget it.
      this.delete(name);
      return null;
    }
  }

  set(name: string, value: string): void {
    const encrypted = this.safeStorage.encryptString(value).toString('base64');
    this.store.set('secrets', { ...this.all(), [name]: encrypted });
  }

  delete(name: string): void {
    const { [name]: _removed, ...rest } = this.all();
    this.store.set('secrets', rest);
  }

  private all(): Record<string, string> {
    const value = this.store.get('secrets');
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
}
