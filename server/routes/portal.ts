// The patient portal (API.md "Patient portal"): sign-in, writing to the practice, reading one's threads.
import {
  LoginRequest,
  PortalLoginResponse,
  PortalMessagesResponse,
  PortalSendRequest,
  PortalSendResponse,
} from '../../common/http/index.js';
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import { errorResponses } from '../http/openapi.js';
import type { ServerContext } from '../services/context.js';
import { portalMessages } from '../services/messages/send-portal-message.js';
import { signInPatientAudited } from '../services/workflow/audited-sessions.js';
import { requestOrigin } from './request-origin.js';
import { patientCaller } from './guards.js';
import { SIGN_IN_ERRORS } from './session.js';

export function registerPortalRoutes(app: App, ctx: ServerContext): void {
  app.post(
    routes.portalSignIn.path,
    { schema: { body: LoginRequest, response: { 200: PortalLoginResponse, ...SIGN_IN_ERRORS } } },
    (request) => signInPatientAudited(ctx, requestOrigin(request), request.body.email, request.body.password),
  );

  app.post(
    routes.portalSend.path,
    {
      schema: {
        body: PortalSendRequest,
        response: {
          200: PortalSendResponse,
          201: PortalSendResponse,
          ...errorResponses({ 409: ['idempotency_conflict'], 422: ['unknown_message'] }),
        },
      },
    },
    async (request, reply) => {
      const patientId = await patientCaller(ctx, request);
      const result = await ctx.writes.run('sendPortalMessage', {
        origin: requestOrigin(request),
        patientId,
        request: request.body,
      });
      return reply.code(result.created ? 201 : 200).send({ message: result.message });
    },
  );

  app.get(routes.portalMessages.path, { schema: { response: { 200: PortalMessagesResponse } } }, async (request) => {
    const patientId = await patientCaller(ctx, request);
    return { messages: await portalMessages(ctx.db, patientId) };
  });
}
