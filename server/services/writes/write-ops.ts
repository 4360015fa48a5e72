// The writes the server runs in a transaction, by name: each takes plain data (in SQLite it crosses
// into the writer thread) and runs inside the transaction its runner gives it (writes.ts).
import type {
  PortalSendRequest,
  PracticeSettings,
  SendMessageRequest,
  StatePatch,
} from '../../../common/http/index.js';
import { insertUpload } from '../../storage/queries/uploads.js';
import type { WriteContext } from '../write-context.js';
import { patchMailboxState } from '../mailbox-state.js';
import { sendPortalMessage } from '../messages/send-portal-message.js';
import { sendStaffMessage } from '../messages/send-staff-message.js';
import { changeSettings } from '../settings.js';
import type { Origin } from '../workflow/audit-log.js';
import { workflowWriteOps } from '../workflow/workflow-write-ops.js';

export interface UploadToRecord {
  id: string;
  practiceId: string;
  uploaderId: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export const writeOps = {
  sendStaffMessage: (
    ctx: WriteContext,
    a: { origin: Origin; staffId: string; practiceId: string; request: SendMessageRequest },
  ) => sendStaffMessage(ctx, a.origin, a.staffId, a.practiceId, a.request),
  sendPortalMessage: (ctx: WriteContext, a: { origin: Origin; patientId: string; request: PortalSendRequest }) =>
    sendPortalMessage(ctx, a.origin, a.patientId, a.request),
  patchMailboxState: (
    ctx: WriteContext,
    a: { origin: Origin; staffId: string; practiceId: string; messageId: string; patch: StatePatch },
  ) => patchMailboxState(ctx, a.origin, a.staffId, a.practiceId, a.messageId, a.patch),
  saveSettings: (
    ctx: WriteContext,
    a: { origin: Origin; staffId: string; practiceId: string; settings: PracticeSettings },
  ) => changeSettings(ctx, a.origin, a.staffId, a.practiceId, a.settings),
  ...workflowWriteOps,
  insertUpload: (ctx: WriteContext, u: UploadToRecord): Promise<void> =>
    insertUpload(ctx.db, {
      id: u.id,
      practice_id: u.practiceId,
      uploader_id: u.uploaderId,
      name: u.name,
      mime_type: u.mimeType,
      size: u.size,
      sha256: u.sha256,
      created_at: ctx.now(),
    }),
};

export type WriteOps = typeof writeOps;
export type WriteOp = keyof WriteOps;
export type WriteArgs<K extends WriteOp> = Parameters<WriteOps[K]>[1];
export type WriteResult<K extends WriteOp> = Awaited<ReturnType<WriteOps[K]>>;

export function runWriteOp(ctx: WriteContext, op: string, args: unknown): Promise<unknown> {
  const write = (writeOps as Record<string, (ctx: WriteContext, args: unknown) => Promise<unknown>>)[op];
  if (typeof write !== 'function') return Promise.reject(new Error(`unknown write ${op}`));
  return write(ctx, args);
}
