// Who is calling, for route handlers: the request's bearer token checked by services/auth.
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../http/bearer-token.js';
import { authenticate, authenticateMember } from '../services/auth/authenticate.js';
import type { ServerContext } from '../services/context.js';

export const staffCaller = (ctx: ServerContext, request: FastifyRequest): Promise<string> =>
  authenticate(ctx, bearerToken(request), 'staff');

export const patientCaller = (ctx: ServerContext, request: FastifyRequest): Promise<string> =>
  authenticate(ctx, bearerToken(request), 'patient');

/** The staff id, after checking they belong to `practiceId` (404 otherwise). */
export const memberCaller = (ctx: ServerContext, request: FastifyRequest, practiceId: string): Promise<string> =>
  authenticateMember(ctx, bearerToken(request), practiceId);
