// Second-wave shapes the engine hands the renderer: portal queue rows, receipts with names, templates,
// thread state, and the preferences behind urgent re-alerts and quiet hours.
import { z } from 'zod';
import { Id, IsoTime, PortalThread, PracticeRef, Template } from '../http/index.js';

/** A portal thread as the queue shows it, with what this device still has to tell the server. */
export const PortalThreadView = PortalThread.extend({
  /** The newest message of the thread in the cache: what opening the thread shows. */
  lastMessageId: Id,
  /** A claim, assign, release or close made here that the server has not confirmed yet. */
  pending: z.boolean(),
  /** Why the server refused the last action made here (e.g. someone else claimed it first), else null. */
  problem: z.string().nullable(),
});
export type PortalThreadView = z.infer<typeof PortalThreadView>;

/** One staff recipient's receipt, named from the directory ("Read by Dr. Lee 10:42"). */
export const ReceiptView = z.object({ userId: Id, name: z.string(), readAt: IsoTime.nullable() });
export type ReceiptView = z.infer<typeof ReceiptView>;

/** A quick-text template; `pending` while a save made here waits in the outbox. */
export const TemplateView = Template.extend({ pending: z.boolean() });
export type TemplateView = z.infer<typeof TemplateView>;

/** A practice the user belongs to, with their role there ('admin' may read the audit trail). */
export const SessionPractice = PracticeRef.extend({
  /** Null until the practice's directory has been fetched once. */
  role: z.string().nullable(),
});
export type SessionPractice = z.infer<typeof SessionPractice>;

/** "HH:MM" on a 24-hour clock, local time. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** Do not disturb: OS notifications stay silent between start and end (overnight when end < start); the badge still counts. */
export const QuietHours = z.object({ enabled: z.boolean(), start: ClockTime, end: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;

export const MIN_REALERT_MINUTES = 1;
export const MAX_REALERT_MINUTES = 60;
/** An urgent unread message alerts at once and then at most this many more times. */
export const MAX_URGENT_REALERTS = 10;

export const WorkflowPreferences = z.object({
  /** Minutes between alerts for an urgent message that is still unread. */
  urgentRealertMinutes: z.number().int().min(MIN_REALERT_MINUTES).max(MAX_REALERT_MINUTES),
  quietHours: QuietHours,
});
export type WorkflowPreferences = z.infer<typeof WorkflowPreferences>;

export const DEFAULT_WORKFLOW_PREFERENCES: WorkflowPreferences = {
  urgentRealertMinutes: 2,
  quietHours: { enabled: false, start: '19:00', end: '07:00' },
};
