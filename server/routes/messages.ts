// Sending messages and changing one's own mailbox state (API.md "Messages"). There is no delete
// route: a DELETE on a message answers 405 (see http/method-not-allowed.ts).
import { SendMessageRequest, SendMessageResponse, StatePatch, StateResponse } from '../../common/http/index.js';
import type { Message } from '../../common/http/index.js';
import { notFound } from '../errors.js';
import type { App } from '../http/app-type.js';
import { sendMethodNotAllowed } from '../http/method-not-allowed.js';
import { errorResponses } from '../http/openapi.js';
import type { ServerContext } from '../services/context.js';
import { findVisibleMessage } from '../services/messages/message-store.js';
import { requestOrigin } from './request-origin.js';
import { withCurrentReceipts } from '../services/workflow/receipts.js';
import { memberCaller } from './guards.js';
import { PracticeItemParams, PracticeParams, routes } from '../../common/http/routes.js';

const SEND_ERRORS = errorResponses({
  403: ['cannot_message_patient'],
  409: ['idempotency_conflict', 'already_claimed'],
  422: [
    'no_recipients',
    'unknown_recipient',
    'unknown_patient',
    'unknown_encounter',
    'unknown_document',
    'unknown_attachment',
    'unknown_message',
    'reply_goes_to_patient',
    'wrong_patient',
  ],
});

export function registerMessageRoutes(app: App, ctx: ServerContext): void {
  app.post(
    routes.sendMessage.path,
    {
      schema: {
        params: PracticeParams,
        body: SendMessageRequest,
        response: { 200: SendMessageResponse, 201: SendMessageResponse, ...SEND_ERRORS },
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
    routes.message.path,
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

  // Messages are never deleted (API.md): documented, and answered 405 like any method a path lacks.
  app.delete(
    routes.message.path,
    {
      schema: {
        summary: 'Messages are never deleted: always 405.',
        params: PracticeItemParams,
        response: errorResponses({ 405: ['method_not_allowed'] }),
      },
    },
    (_request, reply) => sendMethodNotAllowed(reply, ['GET']),
  );

  app.patch(
    routes.patchState.path,
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
