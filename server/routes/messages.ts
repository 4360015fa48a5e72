// Sending messages and changing one's own mailbox state (API.md "Messages"). There is no delete
// route: a DELETE on a message answers 405 (see http/method-not-allowed.ts).
import { SendMessageRequest, SendMessageResponse, StatePatch, StateResponse } from '../../common/http/index.js';
import type { Message } from '../../common/http/index.js';
import { notFound } from '../errors.js';
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import { findVisibleMessage } from '../services/messages/message-store.js';
import { requestOrigin } from '../http/request-origin.js';
import { withCurrentReceipts } from '../services/workflow/receipts.js';
import { memberCaller } from './guards.js';
import { PracticeItemParams, PracticeParams } from './params.js';

export function registerMessageRoutes(app: App, ctx: ServerContext): void {
  app.post(
    '/practices/:pid/messages',
    {
      schema: {
        params: PracticeParams,
        body: SendMessageRequest,
        response: { 200: SendMessageResponse, 201: SendMessageResponse },
      },
    },
    async (request, reply) => {
      const staffId = await memberCaller(ctx, request, request.params.pid);
      const result = await ctx.writes.run('sendStaffMessage', {
        origin: requestOrigin(request),
        staffId,
        practiceId: request.params.pid,
        request: request.body,
      });
      return reply.code(result.created ? 201 : 200).send({ message: result.message, state: result.state });
    },
  );

  // Extension to API.md: read one message with the caller's state (the address DELETE answers 405 on).
  app.get(
    '/practices/:pid/messages/:id',
    { schema: { params: PracticeItemParams, response: { 200: SendMessageResponse } } },
    async (request) => {
      const { pid, id } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const visible = await findVisibleMessage(ctx.db, staffId, pid, id);
      if (!visible) throw notFound();
      const message = await withCurrentReceipts(ctx.db, visible.seq, JSON.parse(visible.messageJson) as Message);
      return { message, state: visible.state };
    },
  );

  app.patch(
    '/practices/:pid/messages/:id/state',
    { schema: { params: PracticeItemParams, body: StatePatch, response: { 200: StateResponse } } },
    async (request) => {
      const { pid, id } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const patch = request.body;
      const state = await ctx.writes.run('patchMailboxState', {
        origin: requestOrigin(request),
        staffId,
        practiceId: pid,
        messageId: id,
        patch,
      });
      if (patch.snoozedUntil) ctx.snoozes.snoozeSet();
      return { state };
    },
  );
}
