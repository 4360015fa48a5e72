// The audit trail (practice admins): read from the practice server, never cached, so it needs a
// connection; the CSV export pages through the whole filtered trail.
import type { AuditFilter, DesktopHandlers } from '../../../common/desktop/index.js';
import { MAX_AUDIT_PAGE } from '../../../common/http/index.js';
import { DesktopCallError, notFound } from '../errors.js';
import { NetworkError } from '../sync/server-client.js';
import { WorkflowClient } from '../sync/workflow-client.js';
import type { HandlerContext } from './handler-context.js';

/** An export stops after this many events (100 pages); the filter can narrow a bigger trail. */
const MAX_EXPORT_EVENTS = 100_000;

const offline = () =>
  new DesktopCallError('offline', 'The audit trail is kept on the practice server. Connect to see it.');

export function auditHandlers(ctx: HandlerContext): Pick<DesktopHandlers, 'listAuditEvents' | 'exportAuditCsv'> {
  const client = (practiceId: string) => {
    const s = ctx.accounts.session;
    if (!s.cache.reader.hasPractice(practiceId)) throw notFound('practice');
    return new WorkflowClient(s.client);
  };
  const online = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw error instanceof NetworkError ? offline() : error;
    }
  };
  return {
    listAuditEvents: async ({ practiceId, ...query }) => online(() => client(practiceId).audit(practiceId, query)),
    exportAuditCsv: async ({ practiceId, ...filter }: AuditFilter) =>
      online(async () => {
        const api = client(practiceId);
        let csv = '';
        let after: string | undefined;
        for (let fetched = 0; fetched < MAX_EXPORT_EVENTS; fetched += MAX_AUDIT_PAGE) {
          const page = await api.auditCsv(practiceId, {
            ...filter,
            limit: MAX_AUDIT_PAGE,
            ...(after ? { after } : {}),
          });
          // Each page starts with the header line; it is kept from the first page only.
          if (csv && !csv.endsWith('\n')) csv += '\r\n';
          csv += csv ? page.body.slice(page.body.indexOf('\n') + 1) : page.body;
          after = page.header('x-cursor');
          if (page.header('x-more') !== 'true' || !after) break;
        }
        const day = new Date().toISOString().slice(0, 10);
        return { name: `audit-${day}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64') };
      }),
  };
}
