// The Patient Portal as a shared queue: claim, assign, release and close (each told to the whole
// practice and audited), and how messages move a thread: a patient's starts or reopens it, a staff
// reply answers it and claims it for the replier (409 already_claimed when someone else owns it).
import type { Message, PortalThread } from '../../../common/http/index.js';
import { ApiError, notFound, unprocessable } from '../../errors.js';
import { staffMember } from '../../storage/queries/people.js';
import {
  insertPortalThread,
  lockPortalThread,
  portalThreadView,
  updatePortalThread,
  type PortalThreadRow,
} from '../../storage/queries/portal-threads.js';
import type { WriteContext } from '../write-context.js';
import { recordAudit, staffActor, type AuditRecord, type Origin } from './audit-log.js';
import { announcePortalThread, portalThreadWire } from './portal-thread-view.js';
import { rebuildPortalThreadRow } from './portal-queue-backfill.js';

export type ThreadAction =
  { kind: 'claim'; takeOver: boolean } | { kind: 'assign'; userId: string } | { kind: 'release' } | { kind: 'close' };

const AUDIT_ACTION = {
  claim: 'portal_claimed',
  assign: 'portal_assigned',
  release: 'portal_released',
  close: 'portal_closed',
} as const;

async function alreadyClaimed(ctx: WriteContext, practiceId: string, ownerId: string): Promise<ApiError> {
  const owner = await staffMember(ctx.db, practiceId, ownerId);
  const who = owner?.name ?? 'Someone else';
  return new ApiError(
    409,
    'already_claimed',
    `${who} is handling this conversation. Take it over only if you agreed with them ("takeOver": true).`,
  );
}

/** The thread's row, locked for this write; a portal thread from before the queue gets its row first. */
async function lockedThread(
  ctx: WriteContext,
  practiceId: string,
  threadId: string,
): Promise<PortalThreadRow | undefined> {
  const row = await lockPortalThread(ctx.db, practiceId, threadId);
  if (row) return row;
  if (!(await rebuildPortalThreadRow(ctx, practiceId, threadId))) return undefined;
  return lockPortalThread(ctx.db, practiceId, threadId);
}

export async function actOnPortalThread(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  threadId: string,
  action: ThreadAction,
): Promise<PortalThread> {
  const thread = await lockedThread(ctx, practiceId, threadId);
  if (!thread) throw notFound();
  const event: AuditRecord = {
    action: AUDIT_ACTION[action.kind],
    practiceId,
    actor: staffActor(staffId),
    threadId,
    patientId: thread.patient_id,
  };
  switch (action.kind) {
    case 'claim':
      if (thread.owner_id === staffId) return unchanged(ctx, threadId);
      if (thread.owner_id !== null && !action.takeOver) throw await alreadyClaimed(ctx, practiceId, thread.owner_id);
      await updatePortalThread(ctx.db, threadId, { owner_id: staffId });
      break;
    case 'assign':
      if (!(await staffMember(ctx.db, practiceId, action.userId)))
        throw unprocessable('unknown_recipient', 'Assign the conversation to a staff member of this practice.');
      if (thread.owner_id === action.userId) return unchanged(ctx, threadId);
      await updatePortalThread(ctx.db, threadId, { owner_id: action.userId });
      break;
    case 'release':
      if (thread.owner_id === null) return unchanged(ctx, threadId);
      await updatePortalThread(ctx.db, threadId, { owner_id: null });
      break;
    case 'close':
      if (thread.status === 'closed') return unchanged(ctx, threadId);
      await updatePortalThread(ctx.db, threadId, { status: 'closed' });
      break;
  }
  await recordAudit(ctx, origin, [event]);
  return announcePortalThread(ctx, practiceId, threadId);
}

/** Nothing changed (claiming one's own thread, say): the thread as it is, with no change or event. */
async function unchanged(ctx: WriteContext, threadId: string): Promise<PortalThread> {
  return portalThreadWire((await portalThreadView(ctx.db, threadId))!);
}

/** A patient wrote: a first message starts the thread, a later one moves it (and reopens it, owner kept). */
export async function afterPatientMessage(ctx: WriteContext, message: Message, patientId: string): Promise<void> {
  const sentAt = Date.parse(message.sentAt);
  if (message.threadId === message.id) {
    await insertPortalThread(ctx.db, {
      thread_id: message.threadId,
      practice_id: message.practiceId,
      patient_id: patientId,
      subject: message.subject,
      status: 'open',
      owner_id: null,
      last_message_at: sentAt,
      waiting_since: sentAt,
    });
  } else {
    const thread = await lockedThread(ctx, message.practiceId, message.threadId);
    if (thread) {
      await updatePortalThread(ctx.db, message.threadId, {
        status: 'open',
        last_message_at: sentAt,
        waiting_since: thread.waiting_since ?? sentAt,
      });
    }
  }
  await announcePortalThread(ctx, message.practiceId, message.threadId);
}

/**
 * Before a staff reply in a portal thread is stored: an unowned thread becomes the replier's; one
 * owned by someone else only with `takeOver` (else 409, and nothing is sent).
 */
export async function claimForReply(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  threadId: string,
  takeOver: boolean,
): Promise<void> {
  const thread = await lockedThread(ctx, practiceId, threadId);
  if (!thread || thread.owner_id === staffId) return;
  if (thread.owner_id !== null && !takeOver) throw await alreadyClaimed(ctx, practiceId, thread.owner_id);
  await updatePortalThread(ctx.db, threadId, { owner_id: staffId });
  await recordAudit(ctx, origin, [
    { action: 'portal_claimed', practiceId, actor: staffActor(staffId), threadId, patientId: thread.patient_id },
  ]);
}

/** After a staff reply is stored: the patient is answered (no longer waiting). */
export async function afterStaffReply(ctx: WriteContext, message: Message): Promise<void> {
  await updatePortalThread(ctx.db, message.threadId, {
    last_message_at: Date.parse(message.sentAt),
    waiting_since: null,
  });
  await announcePortalThread(ctx, message.practiceId, message.threadId);
}
