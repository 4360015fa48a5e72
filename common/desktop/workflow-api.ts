// Second-wave desktop API methods (team workflow): the portal queue, mute, quick-text templates and the
// audit trail. Snooze is `setMessageState` with `snoozedUntil`; priority, reply mode, take-over and
// forwarded files are fields of `sendMessage`/`reply` (api.ts).
import { z } from 'zod';
import {
  AuditAction,
  AuditPage,
  Id,
  IsoTime,
  MAX_AUDIT_PAGE,
  PortalThreadFilter,
  TemplateBody,
  ThreadState,
} from '../http/index.js';
import { FileContent } from './views.js';
import { PortalThreadView, TemplateView } from './workflow-views.js';

const Ok = z.object({ ok: z.literal(true) });
const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });
const ThreadArg = z.object({ practiceId: Id, threadId: Id }).strict();

/** Who, what and when to look for in the audit trail; every field narrows the result. */
export const AuditFilter = z
  .object({
    practiceId: Id,
    userId: Id.optional(),
    patientId: Id.optional(),
    messageId: Id.optional(),
    action: AuditAction.optional(),
    /** Events at or after this time. */
    from: IsoTime.optional(),
    /** Events before this time. */
    to: IsoTime.optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

export const workflowMethods = {
  /** The practice's portal threads from the cache (offline too), oldest waiting first. */
  listPortalThreads: method(
    z.object({ practiceId: Id, filter: PortalThreadFilter }).strict(),
    z.object({ threads: z.array(PortalThreadView) }),
  ),
  /** Takes the thread; owned by someone else -> `already_claimed` unless `takeOver`. Queued when offline. */
  claimPortalThread: method(ThreadArg.extend({ takeOver: z.boolean().optional() }).strict(), PortalThreadView),
  assignPortalThread: method(ThreadArg.extend({ userId: Id }).strict(), PortalThreadView),
  releasePortalThread: method(ThreadArg, PortalThreadView),
  closePortalThread: method(ThreadArg, PortalThreadView),
  /** Mute or unmute a thread for this user: no notification for it (urgent messages still alert). */
  setThreadMuted: method(ThreadArg.extend({ muted: z.boolean() }).strict(), ThreadState),
  /** The practice's templates and the user's personal ones, from the cache. */
  listTemplates: method(z.object({ practiceId: Id }).strict(), z.object({ templates: z.array(TemplateView) })),
  /** Creates (no `templateId`) or updates a template. Queued when offline. */
  saveTemplate: method(
    z.object({ practiceId: Id, templateId: Id.optional(), template: TemplateBody }).strict(),
    TemplateView,
  ),
  deleteTemplate: method(z.object({ practiceId: Id, templateId: Id }).strict(), Ok),
  /** A page of the audit trail, oldest first (practice admins; online only). */
  listAuditEvents: method(
    AuditFilter.extend({
      after: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(MAX_AUDIT_PAGE).optional(),
    }).strict(),
    AuditPage,
  ),
  /** The filtered audit trail as a CSV file (practice admins; online only). */
  exportAuditCsv: method(AuditFilter, FileContent),
} as const;

/** The names of the team-workflow methods (engine handlers and the fake API implement them together). */
export type WorkflowMethodName = keyof typeof workflowMethods;
