// The second-wave routes of the practice server (API.md "team workflow") as typed calls over
// ServerClient: the portal queue, thread state, templates and the audit trail.
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
import type { ServerClient } from './server-client.js';

const enc = encodeURIComponent;
export type PortalAction = 'claim' | 'assign' | 'release' | 'close';

/** The audit query as URL parameters (only the fields that are set). */
const auditParams = (query: AuditQuery) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export class WorkflowClient {
  constructor(private readonly client: ServerClient) {}

  portalThreads(practiceId: string, filter: PortalThreadFilter) {
    return this.client.json(PortalThreadsResponse, {
      url: `/practices/${enc(practiceId)}/portal/threads`,
      params: { filter },
    });
  }

  portalAction(practiceId: string, threadId: string, action: PortalAction, body: object = {}) {
    return this.client.json(PortalThreadResponse, {
      method: 'POST',
      url: `/practices/${enc(practiceId)}/portal/threads/${enc(threadId)}/${action}`,
      data: body,
    });
  }

  setThreadMuted(practiceId: string, threadId: string, muted: boolean) {
    return this.client.json(ThreadStateResponse, {
      method: 'PATCH',
      url: `/practices/${enc(practiceId)}/threads/${enc(threadId)}/state`,
      data: { muted },
    });
  }

  templates(practiceId: string) {
    return this.client.json(TemplatesResponse, { url: `/practices/${enc(practiceId)}/templates` });
  }

  createTemplate(practiceId: string, body: TemplateBody) {
    return this.client.json(TemplateResponse, {
      method: 'POST',
      url: `/practices/${enc(practiceId)}/templates`,
      data: body,
    });
  }

  updateTemplate(practiceId: string, templateId: string, body: TemplateBody) {
    return this.client.json(TemplateResponse, {
      method: 'PUT',
      url: `/practices/${enc(practiceId)}/templates/${enc(templateId)}`,
      data: body,
    });
  }

  deleteTemplate(practiceId: string, templateId: string) {
    return this.client.json(null, {
      method: 'DELETE',
      url: `/practices/${enc(practiceId)}/templates/${enc(templateId)}`,
    });
  }

  audit(practiceId: string, query: AuditQuery) {
    return this.client.json(AuditPage, { url: `/practices/${enc(practiceId)}/audit`, params: auditParams(query) });
  }

  auditCsv(practiceId: string, query: AuditQuery) {
    return this.client.text({
      url: `/practices/${enc(practiceId)}/audit`,
      params: auditParams(query),
      headers: { Accept: 'text/csv' },
    });
  }
}
