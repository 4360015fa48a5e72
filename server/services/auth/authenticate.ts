// Who is calling: resolves a bearer token to a staff user or a patient, and the membership check
// for `/practices/{pid}` (a non-member gets 404, never a hint that the practice exists).
import { ApiError, notFound } from '../../errors.js';
import { isMember } from '../../storage/queries/people.js';
import type { ServerContext } from '../context.js';
import { checkToken, revokeToken, type TokenKind, type TokenOwner } from './tokens.js';

const expired = (): ApiError =>
  new ApiError(401, 'token_expired', 'Your session expired after a period of inactivity. Sign in again.');
const invalid = (): ApiError => new ApiError(401, 'invalid_token', 'Your session is not valid here. Sign in again.');

/** The owner of `token`, of either kind (attachment downloads serve both). */
export async function tokenOwner(ctx: ServerContext, token: string): Promise<TokenOwner> {
  const now = ctx.now();
  const cached = ctx.tokenCache.get(token, now);
  if (cached) return cached;
  const result = await checkToken(ctx.db, token, now, ctx.tokenIdleMs);
  if (!result.ok) throw result.reason === 'expired' ? expired() : invalid();
  ctx.tokenCache.set(token, result.owner, now);
  return result.owner;
}

/** The subject id behind `token`, which must be of `kind`. */
export async function authenticate(ctx: ServerContext, token: string, kind: TokenKind): Promise<string> {
  const owner = await tokenOwner(ctx, token);
  // A patient's token on a staff route (or the reverse) is simply not a valid token there.
  if (owner.kind !== kind) throw invalid();
  return owner.subjectId;
}

/** The staff id, after checking they belong to `practiceId` (404 otherwise). */
export async function authenticateMember(ctx: ServerContext, token: string, practiceId: string): Promise<string> {
  const staffId = await authenticate(ctx, token, 'staff');
  if (ctx.tokenCache.isMember(token, practiceId, ctx.now())) return staffId;
  if (!(await isMember(ctx.db, staffId, practiceId))) throw notFound();
  ctx.tokenCache.rememberMember(token, practiceId);
  return staffId;
}

export async function signOut(ctx: ServerContext, token: string): Promise<void> {
  await authenticate(ctx, token, 'staff');
  ctx.tokenCache.delete(token);
  await revokeToken(ctx.db, token);
}
