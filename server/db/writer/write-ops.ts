// The writes the writer thread can run, by name: each takes plain data (it crosses a thread
// boundary) and runs inside the shared group transaction on the writer's connection.
import type {
  PortalSendRequest,
  PracticeSettings,
  SendMessageRequest,
  StatePatch,
} from '../../../common/http/index.js';
import type { WriteContext } from '../../http/context.js';
import { patchMailboxState } from '../../services/mailbox-state.js';
import { sendPortalMessage } from '../../services/messages/send-portal-message.js';
import { sendStaffMessage } from '../../services/messages/send-staff-message.js';
import { saveSettings } from '../../services/settings.js';
import { sql } from '../database.js';

export interface UploadRow {
  id: string;
  practiceId: string;
  uploaderId: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

export const writeOps = {
  sendStaffMessage: (ctx: WriteContext, a: { staffId: string; practiceId: string; request: SendMessageRequest }) =>
    sendStaffMessage(ctx, a.staffId, a.practiceId, a.request),
  sendPortalMessage: (ctx: WriteContext, a: { patientId: string; request: PortalSendRequest }) =>
    sendPortalMessage(ctx, a.patientId, a.request),
  patchMailboxState: (
    ctx: WriteContext,
    a: { staffId: string; practiceId: string; messageId: string; patch: StatePatch },
  ) => patchMailboxState(ctx, a.staffId, a.practiceId, a.messageId, a.patch),
  saveSettings: (ctx: WriteContext, a: { staffId: string; practiceId: string; settings: PracticeSettings }) =>
    saveSettings(ctx, a.staffId, a.practiceId, a.settings),
  insertUpload: (ctx: WriteContext, u: UploadRow): void => {
    sql(
      ctx.db,
      'INSERT INTO uploads (id, practice_id, uploader_id, name, mime_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(u.id, u.practiceId, u.uploaderId, u.name, u.mimeType, u.size, u.sha256, ctx.now());
  },
};

export type WriteOps = typeof writeOps;
export type WriteOp = keyof WriteOps;
export type WriteArgs<K extends WriteOp> = Parameters<WriteOps[K]>[1];
export type WriteResult<K extends WriteOp> = ReturnType<WriteOps[K]>;

/** Runs writes; each resolves once its transaction is committed (synchronous=FULL). */
export interface Writes {
  run<K extends WriteOp>(op: K, args: WriteArgs<K>): Promise<WriteResult<K>>;
}

export function runWriteOp(ctx: WriteContext, op: WriteOp, args: unknown): unknown {
  const write = writeOps[op] as (ctx: WriteContext, args: unknown) => unknown;
  if (typeof write !== 'function') throw new Error(`unknown write ${String(op)}`);
  return write(ctx, args);
}
