// Quick-text templates (API.md second wave): the practice's and the caller's own, and their changes.
import { z } from 'zod';
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import { templatesFor } from '../services/workflow/templates.js';
import { memberCaller } from './guards.js';
import { requestOrigin } from './request-origin.js';

const Removed = z.null().describe('Removed: it is gone for everyone who saw it.');

export function registerTemplateRoutes(app: App, ctx: ServerContext): void {
  const { templates, createTemplate, updateTemplate, deleteTemplate } = routes;
  app.get(templates.path, { schema: { params: templates.params, response: templates.response } }, async (request) => {
    const staffId = await memberCaller(ctx, request, request.params.pid);
    return { templates: await templatesFor(ctx.db, request.params.pid, staffId) };
  });

  app.post(
    createTemplate.path,
    { schema: { params: createTemplate.params, body: createTemplate.body, response: createTemplate.response } },
    async (request, reply) => {
      const { pid } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const template = await ctx.writes.run('createTemplate', {
        origin: requestOrigin(request),
        staffId,
        practiceId: pid,
        body: request.body,
      });
      return reply.code(201).send({ template });
    },
  );

  app.put(
    updateTemplate.path,
    { schema: { params: updateTemplate.params, body: updateTemplate.body, response: updateTemplate.response } },
    async (request) => {
      const { pid, id: templateId } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const template = await ctx.writes.run('changeTemplate', {
        origin: requestOrigin(request),
        staffId,
        practiceId: pid,
        templateId,
        body: request.body,
      });
      return { template };
    },
  );

  app.delete(
    deleteTemplate.path,
    { schema: { params: deleteTemplate.params, response: { 204: Removed } } },
    async (request, reply) => {
      const { pid, id: templateId } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      await ctx.writes.run('removeTemplate', { origin: requestOrigin(request), staffId, practiceId: pid, templateId });
      return reply.code(204).send(null);
    },
  );
}
