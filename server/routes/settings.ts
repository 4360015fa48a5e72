// Per-user, per-practice settings (API.md "Settings").
import { SettingsBody } from '../../common/http/index.js';
import { authenticateMember } from '../http/auth.js';
import type { App, ServerContext } from '../http/context.js';
import { readSettings } from '../services/settings.js';
import { PracticeParams } from './params.js';

export function registerSettingsRoutes(app: App, ctx: ServerContext): void {
  app.get(
    '/practices/:pid/settings',
    { schema: { params: PracticeParams, response: { 200: SettingsBody } } },
    (request) => {
      const staffId = authenticateMember(ctx, request, request.params.pid);
      return { settings: readSettings(ctx.db, staffId, request.params.pid) };
    },
  );

  app.put(
    '/practices/:pid/settings',
    { schema: { params: PracticeParams, body: SettingsBody, response: { 200: SettingsBody } } },
    async (request) => {
      const staffId = authenticateMember(ctx, request, request.params.pid);
      const { pid } = request.params;
      return {
        settings: await ctx.writes.run('saveSettings', { staffId, practiceId: pid, settings: request.body.settings }),
      };
    },
  );
}
