// The second wave's writes, by name, for the write runner (writes/write-ops.ts): plain-data
// arguments (in SQLite they cross into the writer thread), each run in one transaction.
import type { TemplateBody } from '../../../common/http/index.js';
import type { WriteContext } from '../write-context.js';
import { recordAudit, type AuditRecord, type Origin } from './audit-log.js';
import { actOnPortalThread, type ThreadAction } from './portal-queue.js';
import { backfillPortalQueue } from './portal-queue-backfill.js';
import { wakeDueSnoozes } from './snooze.js';
import { changeTemplate, createTemplate, removeTemplate } from './templates.js';
import { setThreadMuted } from './thread-mute.js';

interface StaffWrite {
  origin: Origin;
  staffId: string;
  practiceId: string;
}

export const workflowWriteOps = {
  actOnPortalThread: (ctx: WriteContext, a: StaffWrite & { threadId: string; action: ThreadAction }) =>
    actOnPortalThread(ctx, a.origin, a.staffId, a.practiceId, a.threadId, a.action),
  setThreadMuted: (ctx: WriteContext, a: StaffWrite & { threadId: string; muted: boolean }) =>
    setThreadMuted(ctx, a.staffId, a.practiceId, a.threadId, a.muted),
  createTemplate: (ctx: WriteContext, a: StaffWrite & { body: TemplateBody }) =>
    createTemplate(ctx, a.origin, a.staffId, a.practiceId, a.body),
  changeTemplate: (ctx: WriteContext, a: StaffWrite & { templateId: string; body: TemplateBody }) =>
    changeTemplate(ctx, a.origin, a.staffId, a.practiceId, a.templateId, a.body),
  removeTemplate: (ctx: WriteContext, a: StaffWrite & { templateId: string }) =>
    removeTemplate(ctx, a.origin, a.staffId, a.practiceId, a.templateId),
  /** Events of requests that write nothing else (sign-in, sign-out, downloads). */
  recordAudit: (ctx: WriteContext, a: { origin: Origin; records: AuditRecord[] }) =>
    recordAudit(ctx, a.origin, a.records),
  wakeDueSnoozes: (ctx: WriteContext) => wakeDueSnoozes(ctx),
  backfillPortalQueue: (ctx: WriteContext) => backfillPortalQueue(ctx),
};
