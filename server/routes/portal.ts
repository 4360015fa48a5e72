// The patient portal (API.md "Patient portal"): sign-in, writing to the practice, reading one's threads.
import {
  LoginRequest,
  PortalLoginResponse,
  PortalMessagesResponse,
  PortalSendRequest,
  PortalSendResponse,
} from '../../common/http/index.js';
import { authenticate } from '../http/auth.js';
import type { App, ServerContext } from '../http/context.js';
import { portalMessages } from '../services/messages/send-portal-message.js';
import { errorResponses } from '../http/openapi.js';
import { signInPatient } from '../services/sign-in.js';
import { SIGN_IN_ERRORS } from './session.js';

export function registerPortalRoutes(app: App, ctx: ServerContext): void {
  app.post(
    '/portal/session',
    { schema: { body: LoginRequest, response: { 200: PortalLoginResponse, ...SIGN_IN_ERRORS } } },
    (request) => signInPatient(ctx, request.body.email, request.body.password, request.ip),
  );

  app.post(
    '/portal/messages',
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
      const patientId = authenticate(ctx, request, 'patient');
      const result = await ctx.writes.run('sendPortalMessage', { patientId, request: request.body });
      return reply.code(result.created ? 201 : 200).send({ message: result.message });
    },
  );

  app.get('/portal/messages', { schema: { response: { 200: PortalMessagesResponse } } }, (request) => {
    const patientId = authenticate(ctx, request, 'patient');
    return { messages: portalMessages(ctx, patientId) };
  });
}
