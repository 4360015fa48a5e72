// Staff sign-in and sign-out (API.md "Staff session"), and health, which needs no sign-in.
import { HealthResponse, LoginRequest, LoginResponse } from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import { bearerToken } from '../http/bearer-token.js';
import type { ServerContext } from '../services/context.js';
import { signInStaffAudited, signOutAudited } from '../services/workflow/audited-sessions.js';
import { requestOrigin } from '../http/request-origin.js';
import { SERVER_VERSION } from '../version.js';

export function registerSessionRoutes(app: App, ctx: ServerContext): void {
  app.get('/health', { schema: { response: { 200: HealthResponse } } }, () => ({
    status: 'ok' as const,
    version: SERVER_VERSION,
  }));

  app.post('/session', { schema: { body: LoginRequest, response: { 200: LoginResponse } } }, (request) =>
    signInStaffAudited(ctx, requestOrigin(request), request.body.email, request.body.password),
  );

  app.delete('/session', async (request, reply) => {
    await signOutAudited(ctx, requestOrigin(request), bearerToken(request));
    return reply.code(204).send();
  });
}
