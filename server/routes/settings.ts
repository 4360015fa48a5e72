// Per-user, per-practice settings (API.md "Settings").
import { SettingsBody } from '../../common/http/index.js';
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import { readSettings } from '../services/settings.js';
import { requestOrigin } from './request-origin.js';
import { memberCaller } from './guards.js';
import { PracticeParams, routes } from '../../common/http/routes.js';

export function registerSettingsRoutes(app: App, ctx: ServerContext): void {
  app.get(
    routes.settings.path,
    { schema: { params: PracticeParams, response: { 200: SettingsBody } } },
    async (request) => {
      const staffId = await memberCaller(ctx, request, request.params.pid);
      return { settings: await readSettings(ctx.db, staffId, request.params.pid) };
    },
  );

  app.put(
    routes.putSettings.path,
    { schema: { params: PracticeParams, body: SettingsBody, response: { 200: SettingsBody } } },
    async (request) => {
      const { pid } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const settings = request.body.settings;
      return {
        settings: await ctx.writes.run('saveSettings', {
          origin: requestOrigin(request),
          staffId,
          practiceId: pid,
          settings,
        }),
      };
    },
  );
}
