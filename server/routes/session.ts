// Staff sign-in and sign-out (API.md "Staff session"), and health, which needs no sign-in.
import { HealthResponse, LoginRequest, LoginResponse } from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import { bearerToken } from '../http/bearer-token.js';
import type { ServerContext } from '../services/context.js';
import { signInStaffAudited, signOutAudited } from '../services/workflow/audited-sessions.js';
import { requestOrigin } from '../http/request-origin.js';
import { hashToken } from '../services/auth/tokens.js';
import type { LiveHub } from '../live/live-hub.js';
import { SERVER_VERSION } from '../version.js';

export function registerSessionRoutes(app: App, ctx: ServerContext, live: LiveHub): void {
  app.get('/health', { schema: { response: { 200: HealthResponse } } }, () => ({
    status: 'ok' as const,
    version: SERVER_VERSION,
  }));

  app.post('/session', { schema: { body: LoginRequest, response: { 200: LoginResponse } } }, (request) =>
    signInStaffAudited(ctx, requestOrigin(request), request.body.email, request.body.password),
  );

  app.delete('/session', async (request, reply) => {
    const token = bearerToken(request);
    await signOutAudited(ctx, requestOrigin(request), token);
    live.endSession(hashToken(token)); // its live sockets stop hearing about changes (4401)
    return reply.code(204).send();
  });
}
