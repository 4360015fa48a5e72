// The change feed (`GET /sync`) and the live socket that hints when it grows (API.md "Sync").
import type { WebSocket } from 'ws';
import { DEFAULT_SYNC_PAGE } from '../../common/limits.js';
import { LIVE_BAD_TOKEN_CLOSE_CODE, LiveClientMessage, SyncQuery, SyncResponse } from '../../common/http/index.js';
import { authenticateStaff } from '../http/auth.js';
import type { App, ServerContext } from '../http/context.js';
import type { LiveHub } from '../live/live-hub.js';
import { checkToken } from '../services/auth/tokens.js';
import { decodeCursor } from '../services/feed/cursor.js';
import { syncPageJson } from '../services/feed/sync-page.js';

const AUTH_DEADLINE_MS = 10_000;

export function registerSyncRoutes(app: App, ctx: ServerContext, live: LiveHub): void {
  // The response schema documents the page in OpenAPI; the page itself is assembled as a string
  // from stored JSON (see services/feed/sync-page.ts), which Fastify sends without re-serializing.
  app.get('/sync', { schema: { querystring: SyncQuery, response: { 200: SyncResponse } } }, async (request, reply) => {
    const staffId = authenticateStaff(ctx, request);
    const after = decodeCursor(request.query.after);
    const page = syncPageJson(ctx.db, staffId, after, request.query.limit ?? DEFAULT_SYNC_PAGE);
    // The typed reply expects the object; the string is that object, already serialized.
    return reply.type('application/json; charset=utf-8').send(page as never);
  });

  app.get('/live', { websocket: true }, (socket: WebSocket) => {
    const refuse = (): void => socket.close(LIVE_BAD_TOKEN_CLOSE_CODE, 'invalid token');
    const deadline = setTimeout(refuse, AUTH_DEADLINE_MS);
    socket.once('message', (data) => {
      clearTimeout(deadline);
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        return refuse();
      }
      const auth = LiveClientMessage.safeParse(parsed);
      if (!auth.success) return refuse();
      const check = checkToken(ctx.db, auth.data.token, ctx.now(), ctx.tokenIdleMs);
      if (!check.ok || check.owner.kind !== 'staff') return refuse();
      live.add(check.owner.subjectId, socket);
    });
    socket.once('close', () => clearTimeout(deadline));
  });
}
