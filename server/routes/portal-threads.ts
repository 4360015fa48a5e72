// The Patient Portal as a shared queue (API.md second wave): the practice's threads, and claim,
// assign, release and close.
import { z } from 'zod';
import {
  AssignThreadRequest,
  ClaimThreadRequest,
  Id,
  PortalThreadResponse,
  PortalThreadsQuery,
  PortalThreadsResponse,
} from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import { requestOrigin } from '../http/request-origin.js';
import type { ServerContext } from '../services/context.js';
import type { ThreadAction } from '../services/workflow/portal-queue.js';
import { portalThreads } from '../services/workflow/portal-thread-view.js';
import { errorResponses } from '../http/openapi.js';
import { memberCaller } from './guards.js';
import { PracticeParams } from './params.js';

const ThreadParams = z.object({ pid: Id, threadId: Id });
const THREADS = '/practices/:pid/portal/threads';

export function registerPortalThreadRoutes(app: App, ctx: ServerContext): void {
  app.get(
    THREADS,
    { schema: { params: PracticeParams, querystring: PortalThreadsQuery, response: { 200: PortalThreadsResponse } } },
    async (request) => {
      const staffId = await memberCaller(ctx, request, request.params.pid);
      return { threads: await portalThreads(ctx.db, request.params.pid, staffId, request.query.filter) };
    },
  );

  const act = (
    path: string,
    body: z.ZodType | undefined,
    toAction: (body: unknown) => ThreadAction,
    errors: Parameters<typeof errorResponses>[0] = {},
  ): void => {
    app.post(
      `${THREADS}/:threadId/${path}`,
      {
        schema: {
          params: ThreadParams,
          ...(body ? { body } : {}),
          response: { 200: PortalThreadResponse, ...errorResponses(errors) },
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
    'claim',
    ClaimThreadRequest.nullish(),
    (body) => ({ kind: 'claim', takeOver: (body as ClaimThreadRequest | null | undefined)?.takeOver ?? false }),
    { 409: ['already_claimed'] },
  );
  act('assign', AssignThreadRequest, (body) => ({ kind: 'assign', userId: (body as AssignThreadRequest).userId }), {
    422: ['unknown_recipient'],
  });
  act('release', undefined, () => ({ kind: 'release' }));
  act('close', undefined, () => ({ kind: 'close' }));
}
