// Who is calling: resolves the bearer token to a staff user or a patient, and the membership
// check for `/practices/{pid}` (a non-member gets 404, never a hint that the practice exists).
import type { FastifyRequest } from 'fastify';
import { sql } from '../db/database.js';
import { checkToken, type TokenKind } from '../services/auth/tokens.js';
import { ApiError, notFound } from './api-error.js';
import type { ServerContext } from './context.js';

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_\-.~+/=]{1,200})$/.exec(header) : null;
  if (!match?.[1]) {
    throw new ApiError(401, 'missing_token', 'Sign in first: send your token as "Authorization: Bearer <token>".');
  }
  return match[1];
}

/** The subject id behind the request's token, which must be of `kind`. */
export function authenticate(ctx: ServerContext, request: FastifyRequest, kind: TokenKind): string {
  const token = bearerToken(request);
  const now = ctx.now();
  const cached = ctx.tokenCache.get(token, now);
  if (cached?.kind === kind) return cached.subjectId;
  const result = checkToken(ctx.db, token, now, ctx.tokenIdleMs);
  if (result.ok) ctx.tokenCache.set(token, result.owner, now);
  if (!result.ok && result.reason === 'expired') {
    throw new ApiError(401, 'token_expired', 'Your session expired after a period of inactivity. Sign in again.');
  }
  // A patient's token on a staff route (or the reverse) is simply not a valid token there.
  if (!result.ok || result.owner.kind !== kind) {
    throw new ApiError(401, 'invalid_token', 'Your session is not valid here. Sign in again.');
  }
  return result.owner.subjectId;
}

export const authenticateStaff = (ctx: ServerContext, request: FastifyRequest): string =>
  authenticate(ctx, request, 'staff');

/** The staff id, after checking they belong to `practiceId` (404 otherwise). */
export function authenticateMember(ctx: ServerContext, request: FastifyRequest, practiceId: string): string {
  const staffId = authenticateStaff(ctx, request);
  if (!isMember(ctx, staffId, practiceId)) throw notFound();
  return staffId;
}

export function isMember(ctx: ServerContext, staffId: string, practiceId: string): boolean {
  return (
    sql(ctx.db, 'SELECT 1 FROM memberships WHERE practice_id = ? AND staff_id = ?').get(practiceId, staffId) !==
    undefined
  );
}
