// The audit trail's storage: appending events (the table refuses UPDATE and DELETE, migration 3),
// and reading a practice's events in a stable order for cursor paging.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { AuditAction } from '../../../common/http/index.js';
import { isPostgres } from '../dialect.js';
import type { AuditEventsTable, Executor } from '../schema.js';

export type NewAuditEvent = Insertable<AuditEventsTable>;

export async function insertAuditEvents(db: Executor, events: NewAuditEvent[]): Promise<void> {
  if (events.length > 0) await db.insertInto('audit_events').values(events).execute();
}

export interface AuditFilters {
  practiceId: string;
  userId?: string | undefined;
  messageId?: string | undefined;
  patientId?: string | undefined;
  action?: AuditAction | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** Where a page ends: the (tx, seq) of its last event. */
export interface AuditPosition {
  tx: number;
  seq: number;
}

/** An event as stored, with its actor's name looked up. */
export type AuditRow = Selectable<AuditEventsTable> & { actor_name: string | null };

/**
 * Up to `limit` events after `after`, in (tx, seq) order. A practice's events are those made in it,
 * and the practice-less ones (sign-in, sign-out) of its staff: two index-friendly branches, merged.
 * In PostgreSQL only events of transactions older than every one still running are read: a later
 * page can then never hold an event that sorts before this one (SQLite's single writer commits in
 * seq order; tx is 0 there).
 */
export async function readAuditPage(
  db: Executor,
  f: AuditFilters,
  after: AuditPosition,
  limit: number,
): Promise<AuditRow[]> {
  const branch = (scope: 'practice' | 'staff sessions') =>
    db
      .selectFrom('audit_events as e')
      .selectAll('e')
      .$if(scope === 'practice', (q) => q.where('e.practice_id', '=', f.practiceId))
      .$if(scope === 'staff sessions', (q) =>
        q
          .where('e.practice_id', 'is', null)
          .where('e.actor_kind', '=', 'staff')
          .where('e.actor_id', 'in', (eb) =>
            eb.selectFrom('memberships').select('staff_id').where('practice_id', '=', f.practiceId),
          ),
      )
      .where(sql<boolean>`(e.tx, e.seq) > (${after.tx}, ${after.seq})`)
      .$if(isPostgres(db), (q) => q.where(sql<boolean>`e.tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`))
      .$if(f.userId !== undefined, (q) => q.where('e.actor_id', '=', f.userId!))
      .$if(f.messageId !== undefined, (q) => q.where('e.message_id', '=', f.messageId!))
      .$if(f.patientId !== undefined, (q) => q.where('e.patient_id', '=', f.patientId!))
      .$if(f.action !== undefined, (q) => q.where('e.action', '=', f.action!))
      .$if(f.from !== undefined, (q) => q.where('e.at', '>=', f.from!))
      .$if(f.to !== undefined, (q) => q.where('e.at', '<', f.to!))
      .orderBy('e.tx')
      .orderBy('e.seq')
      .limit(limit);
  // Each branch is wrapped so that its ORDER BY and LIMIT are allowed inside the UNION (SQLite).
  const merged = db
    .selectFrom(branch('practice').as('p'))
    .selectAll()
    .unionAll(db.selectFrom(branch('staff sessions').as('n')).selectAll());
  const rows = await db
    .selectFrom(merged.as('u'))
    .leftJoin('staff as s', (join) => join.onRef('s.id', '=', 'u.actor_id').on('u.actor_kind', '=', 'staff'))
    .leftJoin('patients as p', (join) => join.onRef('p.id', '=', 'u.actor_id').on('u.actor_kind', '=', 'patient'))
    .selectAll('u')
    .select((eb) => eb.fn.coalesce('s.name', 'p.name').as('actor_name'))
    .orderBy('u.tx')
    .orderBy('u.seq')
    .limit(limit)
    .execute();
  return rows as AuditRow[];
}
