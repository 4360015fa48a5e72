// The Patient Portal queue: one row per portal thread (owner, status, waiting time), and the joined
// view that becomes the wire object.
import { sql } from 'kysely';
import type { PortalThreadFilter } from '../../../common/http/index.js';
import { isPostgres } from '../dialect.js';
import type { Executor, PortalThreadsTable } from '../schema.js';

export type PortalThreadRow = PortalThreadsTable;

export async function insertPortalThread(db: Executor, row: PortalThreadRow): Promise<void> {
  await db
    .insertInto('portal_threads')
    .values(row)
    .onConflict((c) => c.column('thread_id').doNothing())
    .execute();
}

/** The thread's row, locked until the write commits (PostgreSQL; SQLite's writer is alone). */
export function lockPortalThread(db: Executor, practiceId: string, threadId: string) {
  return db
    .selectFrom('portal_threads')
    .selectAll()
    .where('thread_id', '=', threadId)
    .where('practice_id', '=', practiceId)
    .$if(isPostgres(db), (select) => select.forUpdate())
    .executeTakeFirst();
}

export async function updatePortalThread(
  db: Executor,
  threadId: string,
  set: Partial<Omit<PortalThreadRow, 'thread_id' | 'practice_id' | 'patient_id'>>,
): Promise<void> {
  await db.updateTable('portal_threads').set(set).where('thread_id', '=', threadId).execute();
}

export interface PortalThreadView extends PortalThreadRow {
  patient_name: string;
  owner_name: string | null;
}

const view = (db: Executor) =>
  db
    .selectFrom('portal_threads as t')
    .innerJoin('patients as p', 'p.id', 't.patient_id')
    .leftJoin('staff as s', 's.id', 't.owner_id')
    .selectAll('t')
    .select(['p.name as patient_name', 's.name as owner_name']);

export function portalThreadView(db: Executor, threadId: string): Promise<PortalThreadView | undefined> {
  return view(db).where('t.thread_id', '=', threadId).executeTakeFirst();
}

/** The practice's threads for `filter`, oldest waiting first, then those staff answered last. */
export function listPortalThreads(
  db: Executor,
  practiceId: string,
  staffId: string,
  filter: PortalThreadFilter | undefined,
): Promise<PortalThreadView[]> {
  return view(db)
    .where('t.practice_id', '=', practiceId)
    .$if(filter === 'unassigned', (q) => q.where('t.status', '=', 'open').where('t.owner_id', 'is', null))
    .$if(filter === 'mine', (q) => q.where('t.status', '=', 'open').where('t.owner_id', '=', staffId))
    .$if(filter === 'open', (q) => q.where('t.status', '=', 'open'))
    .$if(filter === 'closed', (q) => q.where('t.status', '=', 'closed'))
    .orderBy(sql`t.waiting_since IS NULL`)
    .orderBy('t.waiting_since')
    .orderBy('t.last_message_at')
    .orderBy('t.thread_id')
    .execute();
}

/** Root messages of portal threads that have no queue row yet (written before the queue existed). */
export function portalThreadsWithoutRow(db: Executor) {
  return db
    .selectFrom('messages as m')
    .leftJoin('portal_threads as t', 't.thread_id', 'm.thread_id')
    .select(['m.thread_id', 'm.practice_id', 'm.portal_patient_id'])
    .where('m.portal_patient_id', 'is not', null)
    .where('t.thread_id', 'is', null)
    .whereRef('m.id', '=', 'm.thread_id')
    .where('m.sender_kind', '=', 'patient')
    .execute();
}

/** Every message of a thread as stored JSON, oldest first (the queue backfill reads their times). */
export async function threadMessageJson(db: Executor, threadId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('messages')
    .select('message_json')
    .where('thread_id', '=', threadId)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.message_json);
}
