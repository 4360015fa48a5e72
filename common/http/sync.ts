// The per-caller change feed and the live socket's messages (API.md "Sync").
import { z } from 'zod';
import { MAX_SYNC_PAGE } from '../limits.js';
import { MailboxState, Message } from './messages.js';
import { PortalThread } from './portal-threads.js';
import { Id, IsoTime } from './primitives.js';
import { Template } from './templates.js';
import { ThreadState } from './thread-state.js';
import { StaffUser } from './records.js';
import { PracticeSettings } from './settings.js';

export const SyncQuery = z.object({
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SYNC_PAGE).optional(),
});

export const Change = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), practiceId: Id, message: Message, state: MailboxState }),
  z.object({ kind: z.literal('state'), practiceId: Id, state: MailboxState }),
  z.object({ kind: z.literal('settings'), practiceId: Id, settings: PracticeSettings }),
  z.object({ kind: z.literal('user'), practiceId: Id, user: StaffUser }),
  // Second wave. A client skips change kinds it does not know (API.md), so a newer server never stalls it.
  z.object({ kind: z.literal('receipt'), practiceId: Id, messageId: Id, userId: Id, readAt: IsoTime }),
  z.object({ kind: z.literal('portalThread'), practiceId: Id, thread: PortalThread }),
  z.object({ kind: z.literal('template'), practiceId: Id, template: Template }),
  z.object({ kind: z.literal('templateRemoved'), practiceId: Id, templateId: Id }),
  z.object({ kind: z.literal('threadState'), practiceId: Id, threadState: ThreadState }),
]);
export const CHANGE_KINDS = Change.options.map((option) => option.shape.kind.value);
export type Change = z.infer<typeof Change>;

export const SyncResponse = z.object({
  changes: z.array(Change),
  cursor: z.string(),
  more: z.boolean(),
});
export type SyncResponse = z.infer<typeof SyncResponse>;

export const LiveClientMessage = z.object({ type: z.literal('auth'), token: z.string().max(200) });
export const LiveServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('changes'), cursor: z.string() }),
]);
export type LiveServerMessage = z.infer<typeof LiveServerMessage>;
export const LIVE_BAD_TOKEN_CLOSE_CODE = 4401;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  /** Extension (server/README.md): whether this server can send email alerts (an SMTP server is set up). */
  emailAlerts: z.boolean().optional(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
