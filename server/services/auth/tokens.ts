// Bearer tokens: 256 random bits handed out once, stored only as their sha256, expiring when idle.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Db } from '../../db/database.js';

export type TokenKind = 'staff' | 'patient';
export interface TokenOwner {
  kind: TokenKind;
  subjectId: string;
}
export type TokenCheck = { ok: true; owner: TokenOwner } | { ok: false; reason: 'unknown' | 'expired' };

/** What the database keeps of a token (and what a live socket remembers of it). */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export function issueToken(db: Db, owner: TokenOwner, now: number): string {
  const token = randomBytes(32).toString('base64url');
  sql(db, 'INSERT INTO tokens (hash, kind, subject_id, created_at, last_used_at) VALUES (?, ?, ?, ?, ?)').run(
    hashToken(token),
    owner.kind,
    owner.subjectId,
    now,
    now,
  );
  return token;
}

interface TokenRow {
  kind: TokenKind;
  subject_id: string;
  last_used_at: number;
}

/** Looks a token up; an idle one is deleted and reported expired; a live one is touched. */
export function checkToken(db: Db, token: string, now: number, idleMs: number): TokenCheck {
  const hash = hashToken(token);
  const row = sql(db, 'SELECT kind, subject_id, last_used_at FROM tokens WHERE hash = ?').get(hash) as
    TokenRow | undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  if (now - row.last_used_at > idleMs) {
    sql(db, 'DELETE FROM tokens WHERE hash = ?').run(hash);
    return { ok: false, reason: 'expired' };
  }
  // Touch at most every idleMs/20, so busy clients don't turn every read into a write.
  if (now - row.last_used_at > Math.min(60_000, idleMs / 20)) {
    sql(db, 'UPDATE tokens SET last_used_at = ? WHERE hash = ?').run(now, hash);
  }
  return { ok: true, owner: { kind: row.kind, subjectId: row.subject_id } };
}

/** True while the token behind `hash` exists and has not been idle past `idleMs`. Does not touch it. */
export function isTokenHashLive(db: Db, hash: string, now: number, idleMs: number): boolean {
  const row = sql(db, 'SELECT last_used_at FROM tokens WHERE hash = ?').get(hash) as
    { last_used_at: number } | undefined;
  return row !== undefined && now - row.last_used_at <= idleMs;
}

export function revokeToken(db: Db, token: string): void {
  sql(db, 'DELETE FROM tokens WHERE hash = ?').run(hashToken(token));
}

/** Drops every idle token: run now and then so the table does not grow forever. */
export function purgeIdleTokens(db: Db, now: number, idleMs: number): void {
  sql(db, 'DELETE FROM tokens WHERE last_used_at < ?').run(now - idleMs);
}
