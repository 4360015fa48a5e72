// Staff sign-in and sign-out (API.md "Staff session"), and health, which needs no sign-in.
import { z } from 'zod';
import { HealthResponse, LoginRequest, LoginResponse } from '../../common/http/index.js';
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import { bearerToken } from '../http/bearer-token.js';
import { errorResponses } from '../http/openapi.js';
import type { LiveHub } from '../live/live-hub.js';
import { hashToken } from '../services/auth/tokens.js';
import type { ServerContext } from '../services/context.js';
import { signInStaffAudited, signOutAudited } from '../services/workflow/audited-sessions.js';
import { requestOrigin } from './request-origin.js';
import { SERVER_VERSION } from '../version.js';

/** Wrong email or password; the failed-attempt limits and the ceiling on hash work (services/sign-in.ts). */
export const SIGN_IN_ERRORS = errorResponses({
  401: ['invalid_credentials'],
  429: ['too_many_attempts', 'too_many_attempts_from_address', 'sign_in_busy'],
});
const SignedOut = z.null().describe('Signed out: the token stops working at once.');

export function registerSessionRoutes(app: App, ctx: ServerContext, live: LiveHub): void {
  app.get(routes.health.path, { schema: { response: { 200: HealthResponse } } }, () => ({
    status: 'ok' as const,
    version: SERVER_VERSION,
    emailAlerts: ctx.alertsEnabled,
  }));

  app.post(
    routes.signIn.path,
    { schema: { body: LoginRequest, response: { 200: LoginResponse, ...SIGN_IN_ERRORS } } },
    (request) => signInStaffAudited(ctx, requestOrigin(request), request.body.email, request.body.password),
  );

  app.delete(routes.signOut.path, { schema: { response: { 204: SignedOut } } }, async (request, reply) => {
    const token = bearerToken(request);
    await signOutAudited(ctx, requestOrigin(request), token);
    live.endSession(hashToken(token)); // its live sockets stop hearing about changes (4401)
    return reply.code(204).send(null);
  });
}
