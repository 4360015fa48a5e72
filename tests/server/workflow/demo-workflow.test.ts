// The demo data's second-wave additions: the Sunrise admin account, portal threads in the queue
// (one claimed, one waiting) and practice and personal templates, so every new screen has content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPage, PortalThreadsResponse, TemplatesResponse, UsersResponse } from '../../../common/http/index.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import { startWorkflowServer, type WorkflowWorld } from './workflow-world.js';

let server: TestPracticeServer;
let w: WorkflowWorld;

beforeAll(async () => ({ server, w } = await startWorkflowServer()));
afterAll(() => server.cleanup());

describe('demo data for the team workflow', () => {
  it('has admin@sunrise.example with role admin in Sunrise only, able to read the audit trail', async () => {
    expect(w.admin.login.practices.map((p) => p.id)).toEqual([w.sunriseId]);
    const users = UsersResponse.parse((await w.admin.api('GET', `/practices/${w.sunriseId}/users`)).body).users;
    expect(users.find((u) => u.id === w.admin.login.user.id)?.role).toBe('admin');
    const page = AuditPage.parse((await w.admin.api('GET', `/practices/${w.sunriseId}/audit`)).body);
    expect(page.events.length).toBeGreaterThan(0);
  });

  it('has portal threads in both states of the queue, and templates of both scopes', async () => {
    const threads = PortalThreadsResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/portal/threads`)).body,
    ).threads;
    expect(threads.some((t) => t.owner !== null)).toBe(true);
    expect(threads.some((t) => t.owner === null && t.waitingSince !== null)).toBe(true);
    expect(threads.some((t) => t.status === 'closed')).toBe(true);
    const templates = TemplatesResponse.parse(
      (await w.desk.api('GET', `/practices/${w.sunriseId}/templates`)).body,
    ).templates;
    expect(templates.some((t) => t.scope === 'practice')).toBe(true);
    expect(templates.some((t) => t.scope === 'personal')).toBe(true);
    expect(templates.some((t) => t.body.includes('{patient.firstName}'))).toBe(true);
    const lakeside = PortalThreadsResponse.parse(
      (await w.nurse.api('GET', `/practices/${w.lakesideId}/portal/threads`)).body,
    ).threads;
    expect(lakeside.length).toBeGreaterThan(0);
  });
});
