// Portal threads in wire form (API.md "Patient Portal as a shared queue"), the practice's list, and
// the `portalThread` change that tells every staff member of the practice a thread's new state.
import type { PortalThread, PortalThreadFilter } from '../../../common/http/index.js';
import { listPortalThreads, portalThreadView, type PortalThreadView } from '../../storage/queries/portal-threads.js';
import { practiceStaff } from '../../storage/queries/people.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { tell } from './change-fanout.js';

const iso = (ms: number): string => new Date(Number(ms)).toISOString();

export function portalThreadWire(row: PortalThreadView): PortalThread {
  return {
    threadId: row.thread_id,
    practiceId: row.practice_id,
    patient: { id: row.patient_id, name: row.patient_name },
    subject: row.subject,
    status: row.status,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    lastMessageAt: iso(row.last_message_at),
    waitingSince: row.waiting_since === null ? null : iso(row.waiting_since),
  };
}

export async function portalThreads(
  db: Executor,
  practiceId: string,
  staffId: string,
  filter: PortalThreadFilter | undefined,
): Promise<PortalThread[]> {
  return (await listPortalThreads(db, practiceId, staffId, filter)).map(portalThreadWire);
}

/** Tells every staff member of the practice the thread as it now is; resolves with it. */
export async function announcePortalThread(
  ctx: WriteContext,
  practiceId: string,
  threadId: string,
): Promise<PortalThread> {
  const thread = portalThreadWire((await portalThreadView(ctx.db, threadId))!);
  const staff = await practiceStaff(ctx.db, practiceId);
  await tell(
    ctx,
    staff.map((member) => member.id),
    practiceId,
    'portalThread',
    { thread },
  );
  return thread;
}
