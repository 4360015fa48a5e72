// What each team-workflow outbox row carries (its target: the thread, or the template id), as zod
// schemas so a row read back is checked, not trusted.
import { z } from 'zod';
import { Id, TemplateBody } from '../../../common/http/index.js';

/** A portal queue action; `assign` keeps the name so the queue shows the new owner before the server answers. */
export const PortalPayload = z.discriminatedUnion('action', [
  z.object({ action: z.literal('claim'), takeOver: z.boolean() }),
  z.object({ action: z.literal('assign'), userId: Id, userName: z.string() }),
  z.object({ action: z.literal('release') }),
  z.object({ action: z.literal('close') }),
]);
export type PortalPayload = z.infer<typeof PortalPayload>;

export const ThreadStatePayload = z.object({ muted: z.boolean() });
export type ThreadStatePayload = z.infer<typeof ThreadStatePayload>;

/**
 * A template save or delete. `attempted`: a create was sent once without an answer, so before sending it
 * again the flusher looks for it on the server (creates carry no idempotency key), keeping it exactly once.
 */
export const TemplatePayload = z.discriminatedUnion('op', [
  z.object({ op: z.literal('save'), template: TemplateBody, attempted: z.boolean() }),
  z.object({ op: z.literal('delete') }),
]);
export type TemplatePayload = z.infer<typeof TemplatePayload>;
