// Quick-text templates (API.md second wave): the practice's and the caller's own, and their changes.
import { TemplateBody, TemplateResponse, TemplatesResponse } from '../../common/http/index.js';
import { z } from 'zod';
import type { App } from '../http/app-type.js';
import { requestOrigin } from '../http/request-origin.js';
import type { ServerContext } from '../services/context.js';
import { templatesFor } from '../services/workflow/templates.js';
import { memberCaller } from './guards.js';
import { PracticeItemParams, PracticeParams } from './params.js';

const Removed = z.null().describe('Removed: it is gone for everyone who saw it.');

export function registerTemplateRoutes(app: App, ctx: ServerContext): void {
  app.get(
    '/practices/:pid/templates',
    { schema: { params: PracticeParams, response: { 200: TemplatesResponse } } },
    async (request) => {
      const staffId = await memberCaller(ctx, request, request.params.pid);
      return { templates: await templatesFor(ctx.db, request.params.pid, staffId) };
    },
  );

  app.post(
    '/practices/:pid/templates',
    { schema: { params: PracticeParams, body: TemplateBody, response: { 201: TemplateResponse } } },
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
    '/practices/:pid/templates/:id',
    { schema: { params: PracticeItemParams, body: TemplateBody, response: { 200: TemplateResponse } } },
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
    '/practices/:pid/templates/:id',
    { schema: { params: PracticeItemParams, response: { 204: Removed } } },
    async (request, reply) => {
      const { pid, id: templateId } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      await ctx.writes.run('removeTemplate', { origin: requestOrigin(request), staffId, practiceId: pid, templateId });
      return reply.code(204).send(null);
    },
  );
}
