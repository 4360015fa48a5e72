// Reads the bearer token from a request's Authorization header (401 `missing_token` without one).
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';

export function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_\-.~+/=]{1,200})$/.exec(header) : null;
  if (!match?.[1]) {
    throw new ApiError(401, 'missing_token', 'Sign in first: send your token as "Authorization: Bearer <token>".');
  }
  return match[1];
}
