// The Patient Portal as a shared queue (API.md second wave): the practice's threads, and claim,
// assign, release and close.
import type { AssignThreadRequest, ClaimThreadRequest } from '../../common/http/index.js';
import { routes, type RouteSpec } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import { errorResponses, type ErrorCodes } from '../http/openapi.js';
import type { ServerContext } from '../services/context.js';
import type { ThreadAction } from '../services/workflow/portal-queue.js';
import { portalThreads } from '../services/workflow/portal-thread-view.js';
import { memberCaller } from './guards.js';
import { requestOrigin } from './request-origin.js';

export function registerPortalThreadRoutes(app: App, ctx: ServerContext): void {
  const list = routes.portalThreads;
  app.get(
    list.path,
    { schema: { params: list.params, querystring: list.query, response: list.response } },
    async (request) => {
      const staffId = await memberCaller(ctx, request, request.params.pid);
      return { threads: await portalThreads(ctx.db, request.params.pid, staffId, request.query.filter) };
    },
  );

  const act = <R extends RouteSpec & { params: typeof routes.claimThread.params }>(
    spec: R,
    toAction: (body: unknown) => ThreadAction,
    errors: ErrorCodes = {},
  ): void => {
    app.post(
      spec.path,
      {
        schema: {
          params: spec.params,
          ...(spec.body ? { body: spec.body } : {}),
          response: { ...spec.response, ...errorResponses(errors) },
        },
      },
      async (request) => {
        const { pid, threadId } = request.params;
        const staffId = await memberCaller(ctx, request, pid);
        const thread = await ctx.writes.run('actOnPortalThread', {
          origin: requestOrigin(request),
          staffId,
          practiceId: pid,
          threadId,
          action: toAction(request.body),
        });
        return { thread };
      },
    );
  };
  act(
    routes.claimThread,
    (body) => ({ kind: 'claim', takeOver: (body as ClaimThreadRequest | null | undefined)?.takeOver ?? false }),
    { 409: ['already_claimed'] },
  );
  act(routes.assignThread, (body) => ({ kind: 'assign', userId: (body as AssignThreadRequest).userId }), {
    422: ['unknown_recipient'],
  });
  act(routes.releaseThread, () => ({ kind: 'release' }));
  act(routes.closeThread, () => ({ kind: 'close' }));
}
