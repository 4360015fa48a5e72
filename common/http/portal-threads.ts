// Second wave: the Patient Portal as a shared queue (API.md "Patient Portal as a shared queue").
import { z } from 'zod';
import { Id, IsoTime } from './primitives.js';

export const PortalThreadStatus = z.enum(['open', 'closed']);
export type PortalThreadStatus = z.infer<typeof PortalThreadStatus>;

export const PortalThread = z.object({
  threadId: Id,
  practiceId: Id,
  patient: z.object({ id: Id, name: z.string() }),
  subject: z.string(),
  status: PortalThreadStatus,
  owner: z.object({ id: Id, name: z.string() }).nullable(),
  lastMessageAt: IsoTime,
  /** The patient's oldest unanswered message; null when staff answered last. */
  waitingSince: IsoTime.nullable(),
});
export type PortalThread = z.infer<typeof PortalThread>;

export const PortalThreadFilter = z.enum(['unassigned', 'mine', 'open', 'closed']);
export type PortalThreadFilter = z.infer<typeof PortalThreadFilter>;

export const PortalThreadsQuery = z.object({ filter: PortalThreadFilter.optional() });
export const PortalThreadsResponse = z.object({ threads: z.array(PortalThread) });
export const PortalThreadResponse = z.object({ thread: PortalThread });

export const ClaimThreadRequest = z.object({ takeOver: z.boolean().optional() }).strict();
export type ClaimThreadRequest = z.infer<typeof ClaimThreadRequest>;
export const AssignThreadRequest = z.object({ userId: Id }).strict();
export type AssignThreadRequest = z.infer<typeof AssignThreadRequest>;
