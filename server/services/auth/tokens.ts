// Bearer tokens: 256 random bits handed out once, stored only as their sha256, expiring when idle.
import { createHash, randomBytes } from 'node:crypto';
import {
  deleteToken,
  deleteTokensIdleSince,
  insertToken,
  tokenByHash,
  touchToken,
} from '../../storage/queries/tokens.js';
import type { Executor } from '../../storage/schema.js';

export type TokenKind = 'staff' | 'patient';
export interface TokenOwner {
  kind: TokenKind;
  subjectId: string;
}
export type TokenCheck = { ok: true; owner: TokenOwner } | { ok: false; reason: 'unknown' | 'expired' };

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function issueToken(db: Executor, owner: TokenOwner, now: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await insertToken(db, {
    hash: hashToken(token),
    kind: owner.kind,
    subject_id: owner.subjectId,
    created_at: now,
    last_used_at: now,
  });
  return token;
}

/** Looks a token up; an idle one is deleted and reported expired; a live one is touched. */
export async function checkToken(db: Executor, token: string, now: number, idleMs: number): Promise<TokenCheck> {
  const hash = hashToken(token);
  const row = await tokenByHash(db, hash);
  if (!row) return { ok: false, reason: 'unknown' };
  if (now - row.last_used_at > idleMs) {
    await deleteToken(db, hash);
    return { ok: false, reason: 'expired' };
  }
  // Touch at most every idleMs/20, so busy clients don't turn every read into a write.
  if (now - row.last_used_at > Math.min(60_000, idleMs / 20)) await touchToken(db, hash, now);
  return { ok: true, owner: { kind: row.kind, subjectId: row.subject_id } };
}

/** True while the token behind `hash` exists and has not been idle past `idleMs`. Does not touch it. */
export async function isTokenHashLive(db: Executor, hash: string, now: number, idleMs: number): Promise<boolean> {
  const row = await tokenByHash(db, hash);
  return row !== undefined && now - row.last_used_at <= idleMs;
}

export async function revokeToken(db: Executor, token: string): Promise<void> {
  await deleteToken(db, hashToken(token));
}

/** Drops every idle token: run now and then so the table does not grow forever. */
export async function purgeIdleTokens(db: Executor, now: number, idleMs: number): Promise<void> {
  await deleteTokensIdleSince(db, now - idleMs);
}
