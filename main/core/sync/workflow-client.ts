// The second-wave routes of the practice server (API.md "team workflow") as typed calls over
// ServerClient: the portal queue, thread state, templates and the audit trail, by the shared route table.
import {
  AuditPage,
  PortalThreadResponse,
  PortalThreadsResponse,
  TemplateResponse,
  TemplatesResponse,
  ThreadStateResponse,
  type AuditQuery,
  type PortalThreadFilter,
  type TemplateBody,
} from '../../../common/http/index.js';
import { routes } from '../../../common/http/routes.js';
import { at, type ServerClient } from './server-client.js';

export type PortalAction = 'claim' | 'assign' | 'release' | 'close';
const ACTION_ROUTES = {
  claim: routes.claimThread,
  assign: routes.assignThread,
  release: routes.releaseThread,
  close: routes.closeThread,
} as const;

/** The audit query as URL parameters (only the fields that are set). */
const auditParams = (query: AuditQuery) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export class WorkflowClient {
  constructor(private readonly client: ServerClient) {}

  portalThreads(practiceId: string, filter: PortalThreadFilter) {
    return this.client.json(PortalThreadsResponse, {
      ...at(routes.portalThreads, { pid: practiceId }),
      params: { filter },
    });
  }

  portalAction(practiceId: string, threadId: string, action: PortalAction, body: object = {}) {
    return this.client.json(PortalThreadResponse, {
      ...at(ACTION_ROUTES[action], { pid: practiceId, threadId }),
      data: body,
    });
  }

  setThreadMuted(practiceId: string, threadId: string, muted: boolean) {
    return this.client.json(ThreadStateResponse, {
      ...at(routes.patchThreadState, { pid: practiceId, threadId }),
      data: { muted },
    });
  }

  templates(practiceId: string) {
    return this.client.json(TemplatesResponse, at(routes.templates, { pid: practiceId }));
  }

  createTemplate(practiceId: string, body: TemplateBody) {
    return this.client.json(TemplateResponse, {
      ...at(routes.createTemplate, { pid: practiceId }),
      data: body,
    });
  }

  updateTemplate(practiceId: string, templateId: string, body: TemplateBody) {
    return this.client.json(TemplateResponse, {
      ...at(routes.updateTemplate, { pid: practiceId, id: templateId }),
      data: body,
    });
  }

  deleteTemplate(practiceId: string, templateId: string) {
    return this.client.json(null, at(routes.deleteTemplate, { pid: practiceId, id: templateId }));
  }

  audit(practiceId: string, query: AuditQuery) {
    return this.client.json(AuditPage, { ...at(routes.audit, { pid: practiceId }), params: auditParams(query) });
  }

  auditCsv(practiceId: string, query: AuditQuery) {
    return this.client.text({
      ...at(routes.audit, { pid: practiceId }),
      params: auditParams(query),
      headers: { Accept: 'text/csv' },
    });
  }
}
