// Per-user thread state (API.md "Snooze and mute"): mute or unmute a thread one can see.
import { z } from 'zod';
import { Id, ThreadStatePatch, ThreadStateResponse } from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import { memberCaller } from './guards.js';

const ThreadParams = z.object({ pid: Id, threadId: Id });

export function registerThreadStateRoutes(app: App, ctx: ServerContext): void {
  app.patch(
    '/practices/:pid/threads/:threadId/state',
    { schema: { params: ThreadParams, body: ThreadStatePatch, response: { 200: ThreadStateResponse } } },
    async (request) => {
      const { pid, threadId } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const threadState = await ctx.writes.run('setThreadMuted', {
        origin: { ip: request.ip },
        staffId,
        practiceId: pid,
        threadId,
        muted: request.body.muted,
      });
      return { threadState };
    },
  );
}
