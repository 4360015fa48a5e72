// Decides whether secrets may be kept on disk. On Linux without a keyring, safeStorage falls back to
// `basic_text` (a hard-coded key): that is plain text in disguise, so we keep secrets in memory only.
import { MemorySecretStore } from '../../core/stores/json-file-secret-store.js';
import type { SecretStore } from '../../core/host-ports.js';
import { SafeStorageSecretStore, type EncryptedValueStore, type SafeStorageLike } from './safe-storage-secret-store.js';

export type SecretStorageVerdict = { persistent: true } | { persistent: false; reason: string };

export function secretStorageVerdict(platform: NodeJS.Platform, safeStorage: SafeStorageLike): SecretStorageVerdict {
  if (!safeStorage.isEncryptionAvailable()) {
    return { persistent: false, reason: 'This computer offers no encryption for saved passwords and keys.' };
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return {
        persistent: false,
        reason: `No desktop keyring (such as GNOME Keyring or KWallet) is available (backend: ${backend}).`,
      };
    }
  }
  return { persistent: true };
}

export interface SecretStoreChoice {
  store: SecretStore;
  verdict: SecretStorageVerdict;
}

/** Must run after app 'ready' (Linux picks its backend then). */
export function chooseSecretStore(
  platform: NodeJS.Platform,
  safeStorage: SafeStorageLike,
  encryptedValues: EncryptedValueStore,
  log: (message: string) => void = console.warn,
): SecretStoreChoice {
  const verdict = secretStorageVerdict(platform, safeStorage);
  if (verdict.persistent) return { store: new SafeStorageSecretStore(safeStorage, encryptedValues), verdict };
  log(`${verdict.reason} Your sign-in is not saved: you will sign in each time the app starts.`);
  return { store: new MemorySecretStore(false), verdict };
}
