// Small named values kept in the cache: sync cursor, initial-sync flag, password verifier.
import type { Db } from './driver.js';

/** The scrypt verifier of the sign-in password (unlocks the idle lock offline). */
export const PASSWORD_VERIFIER_KEY = 'passwordVerifier';

export class KeyValues {
  private readonly getStmt;
  private readonly setStmt;
  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
    this.setStmt = db.prepare<[string, string]>(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }
  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null;
  }
  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }
}
