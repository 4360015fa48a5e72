// The change feed (`GET /sync`) and the address of the live socket that hints when it grows (API.md "Sync").
import type { WebSocket } from 'ws';
import { DEFAULT_SYNC_PAGE } from '../../common/limits.js';
import { SyncQuery, SyncResponse } from '../../common/http/index.js';
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import { sendError } from '../http/error-handler.js';
import { errorResponses } from '../http/openapi.js';
import type { LiveHub } from '../live/live-hub.js';
import { acceptLiveSocket } from '../live/live-socket.js';
import type { ServerContext } from '../services/context.js';
import { syncPageJson } from '../services/feed/sync-page.js';
import { staffCaller } from './guards.js';

export function registerSyncRoutes(app: App, ctx: ServerContext, live: LiveHub): void {
  // The response schema documents the page in OpenAPI; the page itself is assembled as a string
  // from stored JSON (see storage/queries/feed.ts), which Fastify sends without re-serializing.
  app.get(
    routes.sync.path,
    {
      schema: {
        querystring: SyncQuery,
        response: { 200: SyncResponse, ...errorResponses({ 400: ['invalid_cursor'] }) },
      },
    },
    async (request, reply) => {
      const staffId = await staffCaller(ctx, request);
      const page = await syncPageJson(ctx.db, staffId, request.query.after, request.query.limit ?? DEFAULT_SYNC_PAGE);
      // The typed reply expects the object; the string is that object, already serialized.
      return reply.type('application/json; charset=utf-8').send(page as never);
    },
  );

  app.route({
    method: 'GET',
    url: routes.live.path,
    schema: {
      summary: 'WebSocket: send {"type":"auth","token"}; get {"type":"ready"}, then {"type":"changes","cursor"} hints.',
      response: errorResponses({ 400: ['websocket_required'] }),
    },
    // A plain GET (no upgrade) gets the API's error shape rather than the plugin's empty 404.
    handler: (_request, reply) =>
      sendError(reply, 400, 'websocket_required', 'Open this address as a WebSocket (Upgrade: websocket).'),
    wsHandler: (socket: WebSocket) => acceptLiveSocket(ctx, live, socket),
  });
}
