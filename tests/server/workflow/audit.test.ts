// The audit trail (API.md second wave): an event for each action listed there, ids only (a canary
// planted in subjects, bodies, file names and templates never shows), readable by the practice's
// admin only, filtered and paged oldest first, as JSON or CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditPage,
  DocumentsResponse,
  TemplateResponse,
  UploadResponse,
  type AuditEvent,
} from '../../../common/http/index.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../../server/demo/accounts.js';
import { apiClient, type Api } from '../../support/practice-server-client.js';
import { signInStaff } from '../../support/practice-server-session.js';
import { uploadStream } from '../../support/practice-server-upload.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import { failure, newPortalThread, staffSend, startWorkflowServer, type WorkflowWorld } from './workflow-world.js';

const CANARY = 'CANARY-audit-93be';

let server: TestPracticeServer;
let w: WorkflowWorld;

beforeAll(async () => ({ server, w } = await startWorkflowServer()));
afterAll(() => server.cleanup());

const auditPath = (query = '', practiceId = w.sunriseId) => `/practices/${practiceId}/audit${query ? `?${query}` : ''}`;

/** Every event the admin sees for `query`, following the cursor with pages of `limit`. */
async function audit(query: string, limit = 1000): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let after = '';
  for (let page = 0; page < 1000; page += 1) {
    const parts = [query, `limit=${limit}`, after ? `after=${after}` : ''].filter(Boolean).join('&');
    const response = await w.admin.api('GET', auditPath(parts));
    expect(response.status, JSON.stringify(response.body).slice(0, 200)).toBe(200);
    const body = AuditPage.parse(response.body);
    events.push(...body.events);
    after = body.cursor;
    if (!body.more) return events;
  }
  throw new Error('audit paging did not finish');
}

const patch = (api: Api, messageId: string, body: Record<string, unknown>) =>
  api('PATCH', `/practices/${w.sunriseId}/messages/${messageId}/state`, body);

describe('audit events', () => {
  it('records a message from send to first read, flags, archive and snooze, with ids only', async () => {
    const upload = await uploadStream({
      baseUrl: server.url,
      token: w.desk.token,
      practiceId: w.sunriseId,
      size: 64,
      fileName: `${CANARY}.pdf`,
    });
    const fileId = UploadResponse.parse(upload.body).attachment.id;
    const message = await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id], {
      subject: `Subject ${CANARY}`,
      body: `Body ${CANARY}`,
      patientId: w.ana.login.patient.id,
      attachments: [{ kind: 'file', id: fileId }],
    });
    await patch(w.lee.api, message.id, { read: true });
    await patch(w.lee.api, message.id, { read: false });
    await patch(w.lee.api, message.id, { read: true }); // not a first read: no second event
    await patch(w.lee.api, message.id, { flagged: true });
    await patch(w.lee.api, message.id, { flagged: false });
    await patch(w.lee.api, message.id, { archived: true });
    await patch(w.lee.api, message.id, { archived: false });
    await patch(w.lee.api, message.id, { snoozedUntil: new Date(Date.now() + 3_600_000).toISOString() });
    const bytes = await fetch(`${server.url}/api/v1/attachments/${fileId}`, {
      headers: { authorization: `Bearer ${w.lee.token}` },
    });
    expect(bytes.status).toBe(200);
    await bytes.arrayBuffer();

    const events = await audit(`messageId=${message.id}`);
    expect(events.map((e) => [e.action, e.actor?.id])).toEqual([
      ['message_sent', w.desk.login.user.id],
      ['message_read', w.lee.login.user.id],
      ['message_flagged', w.lee.login.user.id],
      ['message_unflagged', w.lee.login.user.id],
      ['message_archived', w.lee.login.user.id],
      ['message_unarchived', w.lee.login.user.id],
      ['message_snoozed', w.lee.login.user.id],
    ]);
    expect(events[0]).toMatchObject({
      practiceId: w.sunriseId,
      actor: { kind: 'staff', id: w.desk.login.user.id, name: 'Frances Delgado' },
      messageId: message.id,
      threadId: message.threadId,
      patientId: w.ana.login.patient.id,
    });
    expect(events.every((e) => e.ip.length > 0)).toBe(true);
    const downloads = await audit(`action=attachment_downloaded&userId=${w.lee.login.user.id}`);
    expect(downloads.map((e) => e.attachmentId)).toContain(fileId);
    const everything = await w.admin.api('GET', auditPath('limit=1000'));
    expect(JSON.stringify(everything.body)).not.toContain(CANARY);
  });

  it('records document downloads, portal queue actions, settings and template changes', async () => {
    const documents = DocumentsResponse.parse((await w.lee.api('GET', `/practices/${w.sunriseId}/documents`)).body);
    const document = documents.documents.find((d) => d.patientId !== null)!;
    const content = await fetch(`${server.url}/api/v1/practices/${w.sunriseId}/documents/${document.id}/content`, {
      headers: { authorization: `Bearer ${w.lee.token}` },
    });
    expect(content.status).toBe(200);
    await content.arrayBuffer();
    const docEvents = await audit(`action=document_downloaded&userId=${w.lee.login.user.id}`);
    expect(docEvents.at(-1)).toMatchObject({ documentId: document.id, patientId: document.patientId });

    const question = await newPortalThread(w.ana.api, CANARY);
    const thread = (action: string, body?: unknown, api = w.desk.api) =>
      api('POST', `/practices/${w.sunriseId}/portal/threads/${question.threadId}/${action}`, body);
    expect((await thread('claim')).status).toBe(200);
    expect((await thread('assign', { userId: w.lee.login.user.id })).status).toBe(200);
    expect((await thread('release')).status).toBe(200);
    expect((await thread('close')).status).toBe(200);
    const portal = (await audit(`patientId=${w.ana.login.patient.id}`)).filter((e) => e.threadId === question.threadId);
    expect(portal.map((e) => e.action)).toEqual([
      'message_sent',
      'portal_claimed',
      'portal_assigned',
      'portal_released',
      'portal_closed',
    ]);
    expect(portal[0]?.actor).toEqual({ kind: 'patient', id: w.ana.login.patient.id, name: 'Ana Ruiz' });

    const settings = { settings: { portalMessagesInInbox: false, emailNotifications: true } };
    expect((await w.billing.api('PUT', `/practices/${w.sunriseId}/settings`, settings)).status).toBe(200);
    const created = await w.billing.api('POST', `/practices/${w.sunriseId}/templates`, {
      title: CANARY,
      body: `Body ${CANARY}`,
      scope: 'personal',
    });
    const templateId = TemplateResponse.parse(created.body).template.id;
    await w.billing.api('PUT', `/practices/${w.sunriseId}/templates/${templateId}`, {
      title: `${CANARY} 2`,
      body: 'b',
      scope: 'personal',
    });
    await w.billing.api('DELETE', `/practices/${w.sunriseId}/templates/${templateId}`);
    const billing = await audit(`userId=${w.billing.login.user.id}`);
    expect(billing.map((e) => e.action).slice(-4)).toEqual([
      'settings_changed',
      'template_created',
      'template_updated',
      'template_deleted',
    ]);
    expect(billing.slice(-3).every((e) => e.templateId === templateId)).toBe(true);
    expect(JSON.stringify(await audit(''))).not.toContain(CANARY);
  });

  it("records sign-in, failed sign-in and sign-out of the practice's staff", async () => {
    const login = await signInStaff(server.url, DEMO_STAFF.drLee);
    const wrong = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_STAFF.drLee, password: `${DEMO_PASSWORD}-wrong` }),
    });
    expect(wrong.status).toBe(401);
    expect((await apiClient(server.url, login.token)('DELETE', '/session')).status).toBe(204);
    const lee = await audit(`userId=${w.lee.login.user.id}`);
    expect(lee.map((e) => e.action).slice(-3)).toEqual(['sign_in', 'sign_in_failed', 'sign_out']);
    expect(lee.at(-1)).toMatchObject({ practiceId: null, actor: { kind: 'staff', id: w.lee.login.user.id } });
    // Lakeside's nurse signing in is none of Sunrise's business.
    await signInStaff(server.url, DEMO_STAFF.nurse);
    expect((await audit('action=sign_in')).some((e) => e.actor?.id === w.nurse.login.user.id)).toBe(false);
  });

  it('writes no event for a refused action', async () => {
    const question = await newPortalThread(w.ana.api);
    await w.lee.api('POST', `/practices/${w.sunriseId}/portal/threads/${question.threadId}/claim`);
    const before = (await audit('')).length;
    const refused = await w.desk.api('POST', `/practices/${w.sunriseId}/portal/threads/${question.threadId}/claim`);
    expect(failure(refused)).toEqual([409, 'already_claimed']);
    const bad = await patch(w.lee.api, question.id, { snoozedUntil: '2001-01-01T00:00:00Z' });
    expect(failure(bad)).toEqual([422, 'invalid_field']);
    expect(await audit('')).toHaveLength(before);
  });
});

describe('reading the audit trail', () => {
  it('lets only an admin of that practice read it', async () => {
    expect(failure(await w.desk.api('GET', auditPath()))).toEqual([403, 'forbidden']);
    expect(failure(await w.lee.api('GET', auditPath()))).toEqual([403, 'forbidden']);
    expect(failure(await w.nurse.api('GET', auditPath()))).toEqual([404, 'not_found']);
    expect(failure(await w.admin.api('GET', auditPath('', w.lakesideId)))).toEqual([404, 'not_found']);
    expect(failure(await w.billing.api('GET', auditPath('', w.lakesideId)))).toEqual([403, 'forbidden']);
    expect(failure(await w.ana.api('GET', auditPath()))).toEqual([401, 'invalid_token']);
    expect(failure(await w.anonymous('GET', auditPath()))).toEqual([401, 'missing_token']);
  });

  it('pages oldest first to the same events with any page size, and filters by time', async () => {
    await staffSend(w.desk.api, w.sunriseId, [w.lee.login.user.id]);
    const whole = await audit('');
    const paged = await audit('', 3);
    expect(paged).toEqual(whole);
    expect(new Set(whole.map((e) => e.id)).size).toBe(whole.length);
    // Commit order: events of transactions that overlapped may differ from time order by the
    // length of a transaction (PostgreSQL), never by more.
    const times = whole.map((e) => Date.parse(e.at));
    const backwards = times.map((t, i) => (i === 0 ? 0 : times[i - 1]! - t)).filter((step) => step > 0);
    expect(Math.max(0, ...backwards)).toBeLessThan(1_000);
    expect(backwards.length).toBeLessThan(times.length / 4);
    const middle = whole[Math.floor(whole.length / 2)]!.at;
    const last = whole.at(-1)!.at;
    const window = await audit(`from=${encodeURIComponent(middle)}&to=${encodeURIComponent(last)}`);
    expect(window).toEqual(whole.filter((e) => e.at >= middle && e.at < last));
    expect(window.length).toBeGreaterThan(0);
  });

  it('refuses bad queries: 400 for a cursor it never gave out, 422 for values', async () => {
    expect(failure(await w.admin.api('GET', auditPath('after=garbage')))).toEqual([400, 'invalid_cursor']);
    for (const query of [
      'limit=0',
      'limit=1001',
      'action=message_deleted',
      'from=yesterday',
      `userId=${'x'.repeat(101)}`,
    ]) {
      expect(failure(await w.admin.api('GET', auditPath(query))), query).toEqual([422, 'invalid_field']);
    }
  });

  it('answers the same page as CSV with Accept: text/csv', async () => {
    const json = AuditPage.parse((await w.admin.api('GET', auditPath('limit=5'))).body);
    const response = await fetch(`${server.url}/api/v1${auditPath('limit=5')}`, {
      headers: { authorization: `Bearer ${w.admin.token}`, accept: 'text/csv' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,at,practiceId,actorKind,actorId,actorName,action,messageId,threadId,attachmentId,documentId,patientId,templateId,ip',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(json.events.map((e) => e.id));
    expect(response.headers.get('x-cursor')).toBe(json.cursor);
    expect(response.headers.get('x-more')).toBe(String(json.more));
    const forbidden = await fetch(`${server.url}/api/v1${auditPath()}`, {
      headers: { authorization: `Bearer ${w.desk.token}`, accept: 'text/csv' },
    });
    expect(forbidden.status).toBe(403);
  });

  it('has no route that changes or deletes an event', async () => {
    const [first] = await audit('', 1).then((events) => events.slice(0, 1));
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await w.admin.api(method, `${auditPath()}/${first!.id}`, method === 'DELETE' ? undefined : {});
      expect([404, 405]).toContain(response.status);
    }
    for (const method of ['DELETE', 'PUT']) {
      const response = await w.admin.api(method, auditPath(), method === 'DELETE' ? undefined : {});
      expect(failure(response)).toEqual([405, 'method_not_allowed']);
    }
    expect((await audit('')).find((e) => e.id === first!.id)).toEqual(first);
  });
});
