// The audit trail (API.md second wave): read-only, for the practice's admins, as JSON or, with
// `Accept: text/csv`, the same page as CSV (cursor and more in the X-Cursor and X-More headers).
import { routes } from '../../common/http/routes.js';
import type { App } from '../http/app-type.js';
import { errorResponses } from '../http/openapi.js';
import type { ServerContext } from '../services/context.js';
import { auditCsv } from '../services/workflow/audit-csv.js';
import { auditPage } from '../services/workflow/audit-trail.js';
import { memberCaller } from './guards.js';

const wantsCsv = (accept: string | undefined): boolean => /(^|,)\s*text\/csv\b/i.test(accept ?? '');

export function registerAuditRoutes(app: App, ctx: ServerContext): void {
  const spec = routes.audit;
  app.get(
    spec.path,
    {
      schema: {
        params: spec.params,
        querystring: spec.query,
        response: { ...spec.response, ...errorResponses({ 400: ['invalid_cursor'], 403: ['forbidden'] }) },
      },
    },
    async (request, reply) => {
      const { pid } = request.params;
      const staffId = await memberCaller(ctx, request, pid);
      const page = await auditPage(ctx.db, staffId, pid, request.query);
      if (!wantsCsv(request.headers.accept)) return page;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .header('x-cursor', page.cursor)
        .header('x-more', String(page.more))
        .send(auditCsv(page.events) as never);
    },
  );
}
