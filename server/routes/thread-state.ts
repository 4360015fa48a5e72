// Per-user thread state (API.md "Snooze and mute"): mute or unmute a thread one can see.
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import { memberCaller } from './guards.js';
import { requestOrigin } from './request-origin.js';

export function registerThreadStateRoutes(app: App, ctx: ServerContext): void {
  const spec = routes.patchThreadState;
  app.patch(
    spec.path,
    { schema: { params: spec.params, body: spec.body, response: spec.response } },
    async (request) => {
      const { pid, threadId } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const threadState = await ctx.writes.run('setThreadMuted', {
        origin: requestOrigin(request),
        staffId,
        practiceId: pid,
        threadId,
        muted: request.body.muted,
      });
      return { threadState };
    },
  );
}
