// Bearer tokens, stored only as their sha256.
import type { Executor, TokensTable } from '../schema.js';

export async function insertToken(db: Executor, token: TokensTable): Promise<void> {
  await db.insertInto('tokens').values(token).execute();
}

export function tokenByHash(db: Executor, hash: string) {
  return db
    .selectFrom('tokens')
    .select(['kind', 'subject_id', 'last_used_at'])
    .where('hash', '=', hash)
    .executeTakeFirst();
}

export async function touchToken(db: Executor, hash: string, now: number): Promise<void> {
  await db.updateTable('tokens').set({ last_used_at: now }).where('hash', '=', hash).execute();
}

export async function deleteToken(db: Executor, hash: string): Promise<void> {
  await db.deleteFrom('tokens').where('hash', '=', hash).execute();
}

export async function deleteTokensIdleSince(db: Executor, before: number): Promise<void> {
  await db.deleteFrom('tokens').where('last_used_at', '<', before).execute();
}
