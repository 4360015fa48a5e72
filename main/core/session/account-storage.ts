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

export function accountDir(dataDir: string, serverUrl: string, userId: string): string {
  return path.join(dataDir, 'accounts', accountId(serverUrl, userId));
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
  fs.rmSync(accountDir(dataDir, serverUrl, userId), { recursive: true, force: true, maxRetries: 3 });
  secrets.delete(accountKeyName(serverUrl, userId));
}

/**
 * With no way to keep keys between runs (secrets in memory only: Linux without a keyring), every account folder an
 * earlier run left can never be decrypted again. Removes them all, so each start doesn't leave one more behind.
 */
export function removeUndecryptableAccounts(dataDir: string): number {
  const root = path.join(dataDir, 'accounts');
  const left = fs.existsSync(root) ? fs.readdirSync(root).length : 0;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  return left;
}
