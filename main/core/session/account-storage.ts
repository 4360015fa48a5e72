// Where one account lives on this computer: its folder (cache, moved-aside caches, files, staged
// files) and its own key in the host's SecretStore. Sign-out removes both, and nothing else.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../host-ports.js';

/** Before per-account keys, one key under this name served every account on the machine. */
const LEGACY_SHARED_KEY = 'cacheKey';

/** One folder per account: server URL + user id (hashed, so the path names no one). */
export function accountId(serverUrl: string, userId: string): string {
  return createHash('sha256').update(`${serverUrl}\n${userId}`).digest('hex').slice(0, 20);
}

/**
 * Where account folders live. A run that keeps secrets in memory only (Linux without a keyring) writes under a root
 * of its own: what it writes can never be decrypted after it ends, while folders made when a keyring kept the key
 * stay untouched (their cache, with any unsent message, opens again once the keyring is back).
 */
export function accountsRoot(dataDir: string, keysKept: boolean): string {
  return path.join(dataDir, keysKept ? 'accounts' : 'accounts-this-run-only');
}

export function accountDir(dataDir: string, serverUrl: string, userId: string, keysKept = true): string {
  return path.join(accountsRoot(dataDir, keysKept), accountId(serverUrl, userId));
}

/** The SecretStore name of this account's key (cache and files). */
export function accountKeyName(serverUrl: string, userId: string): string {
  return `accountKey:${accountId(serverUrl, userId)}`;
}

/**
 * The account's key, created on first use. A key left by the shared-key version is adopted by the
 * first account opened (its cache was made with it) and then removed, so no key serves two accounts.
 */
export function accountKey(secrets: SecretStore, serverUrl: string, userId: string): { key: string; known: boolean } {
  const name = accountKeyName(serverUrl, userId);
  const own = secrets.get(name);
  if (own) return { key: own, known: true };
  const legacy = secrets.get(LEGACY_SHARED_KEY);
  const key = legacy ?? randomBytes(32).toString('hex');
  secrets.set(name, key);
  if (legacy) secrets.delete(LEGACY_SHARED_KEY);
  return { key, known: legacy !== null };
}

/** Removes every trace of one account: its folder (cache, -wal, -shm, moved-aside copies, files, staged files) and key. */
export function removeAccount(dataDir: string, secrets: SecretStore, serverUrl: string, userId: string): void {
  fs.rmSync(accountDir(dataDir, serverUrl, userId, secrets.persistent), {
    recursive: true,
    force: true,
    maxRetries: 3,
  });
  secrets.delete(accountKeyName(serverUrl, userId));
}

/**
 * Call at the start of a run that keeps secrets in memory only: the account folders earlier such runs left can
 * never be decrypted again, so they go (each start would otherwise leave one more cache copy behind). Folders made
 * while a keyring kept their key are not touched. Returns how many folders were removed.
 */
export function removeUndecryptableAccounts(dataDir: string): number {
  const root = accountsRoot(dataDir, false);
  const left = fs.existsSync(root) ? fs.readdirSync(root).length : 0;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  return left;
}
