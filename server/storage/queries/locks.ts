// Singletons across instances: work that only one instance may run at a time.
import { sql } from 'kysely';
import { isPostgres } from '../dialect.js';
import { ADVISORY_LOCKS } from '../postgres/advisory-locks.js';
import type { Executor } from '../schema.js';

/**
 * Runs `work` in one transaction if no other instance is running maintenance (PostgreSQL: a
 * transaction-level advisory lock, let go at commit); resolves with null when one was.
 * SQLite: one process, and the transaction is IMMEDIATE so its reads and deletes see no writer between them.
 */
export async function withMaintenanceLock<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T | null> {
  if (!isPostgres(db)) {
    // One connection held for the whole transaction: no other query of this process runs inside it.
    return db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        return result;
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
    });
  }
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${ADVISORY_LOCKS.maintenance}) AS locked`.execute(trx);
    if (!rows[0]?.locked) return null;
    return work(trx);
  });
}

/** Runs `work` in one transaction holding the demo-seed lock (PostgreSQL), so two instances starting together seed once. */
export function withSeedLock<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.demoSeed})`.execute(trx);
    return work(trx);
  });
}
