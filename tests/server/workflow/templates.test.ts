// Quick text (API.md second wave): practice templates for every staff member of the practice,
// personal ones for their owner only (others: 404), CRUD with bounds, and `template` /
// `templateRemoved` changes to exactly those who can see the template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_TEMPLATE_BODY_CHARS,
  MAX_TEMPLATE_TITLE_CHARS,
  TemplateResponse,
  TemplatesResponse,
  type Change,
  type Template,
} from '../../../common/http/index.js';
import type { Api } from '../../support/practice-server-client.js';
import type { TestPracticeServer } from '../../support/practice-server.js';
import {
  changesSince,
  expectNoChanges,
  failure,
  feedEnds,
  startWorkflowServer,
  type WorkflowWorld,
} from './workflow-world.js';

let server: TestPracticeServer;
let w: WorkflowWorld;

beforeAll(async () => ({ server, w } = await startWorkflowServer()));
afterAll(() => server.cleanup());

const base = () => `/practices/${w.sunriseId}/templates`;

async function create(api: Api, scope: 'practice' | 'personal', title = 'Lab results ready'): Promise<Template> {
  const response = await api('POST', base(), { title, body: 'Hi {patient.firstName}, your results are in.', scope });
  expect(response.status).toBe(201);
  return TemplateResponse.parse(response.body).template;
}

const listed = async (api: Api, practiceId = w.sunriseId): Promise<Template[]> => {
  const response = await api('GET', `/practices/${practiceId}/templates`);
  expect(response.status).toBe(200);
  return TemplatesResponse.parse(response.body).templates;
};

const templateChanges = (changes: Change[], id: string) =>
  changes.filter(
    (c) => (c.kind === 'template' && c.template.id === id) || (c.kind === 'templateRemoved' && c.templateId === id),
  );

describe('templates', () => {
  it('shows a practice template to every staff member of the practice and tells each of them', async () => {
    const staff = [w.desk.api, w.lee.api, w.billing.api, w.admin.api];
    const cursors = await feedEnds([...staff, w.nurse.api]);
    const template = await create(w.desk.api, 'practice');
    expect(template).toMatchObject({ title: 'Lab results ready', scope: 'practice' });
    for (const [index, api] of staff.entries()) {
      expect((await listed(api)).map((t) => t.id)).toContain(template.id);
      const { changes } = await changesSince(api, cursors[index]);
      expect(templateChanges(changes, template.id)).toEqual([{ kind: 'template', practiceId: w.sunriseId, template }]);
    }
    expect((await listed(w.billing.api, w.lakesideId)).map((t) => t.id)).not.toContain(template.id);
    const nurse = await changesSince(w.nurse.api, cursors[4]);
    expect(templateChanges(nurse.changes, template.id)).toEqual([]);
  });

  it('keeps a personal template to its owner: others neither see, edit nor delete it (404)', async () => {
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    const mine = await create(w.desk.api, 'personal', 'My sign-off');
    expect((await listed(w.desk.api)).map((t) => t.id)).toContain(mine.id);
    expect((await listed(w.lee.api)).map((t) => t.id)).not.toContain(mine.id);
    const lee = await changesSince(w.lee.api, cursors[1]);
    expect(templateChanges(lee.changes, mine.id)).toEqual([]);

    const afterCreate = await feedEnds([w.desk.api, w.lee.api]);
    const edit = await w.lee.api('PUT', `${base()}/${mine.id}`, { title: 'Hijacked', body: 'x', scope: 'personal' });
    expect(failure(edit)).toEqual([404, 'not_found']);
    expect(failure(await w.lee.api('DELETE', `${base()}/${mine.id}`))).toEqual([404, 'not_found']);
    await expectNoChanges([w.desk.api, w.lee.api], afterCreate, "touching someone else's template changed a feed");
    expect((await listed(w.desk.api)).find((t) => t.id === mine.id)).toEqual(mine);
  });

  it('updates and deletes, telling those who can see it', async () => {
    const template = await create(w.lee.api, 'practice', 'Appointment reminder');
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    const updated = await w.lee.api('PUT', `${base()}/${template.id}`, {
      title: 'Appointment reminder (new)',
      body: 'See you on {today}, {patient.name}.',
      scope: 'practice',
    });
    expect(updated.status).toBe(200);
    const after = TemplateResponse.parse(updated.body).template;
    expect(after).toMatchObject({ id: template.id, title: 'Appointment reminder (new)', scope: 'practice' });
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(template.updatedAt));
    const deleted = await w.desk.api('DELETE', `${base()}/${template.id}`);
    expect(deleted.status).toBe(204);
    expect((await listed(w.lee.api)).map((t) => t.id)).not.toContain(template.id);
    for (const [index, api] of [w.desk.api, w.lee.api].entries()) {
      const { changes } = await changesSince(api, cursors[index]);
      expect(templateChanges(changes, template.id)).toEqual([
        { kind: 'template', practiceId: w.sunriseId, template: after },
        { kind: 'templateRemoved', practiceId: w.sunriseId, templateId: template.id },
      ]);
    }
    expect(failure(await w.desk.api('DELETE', `${base()}/${template.id}`))).toEqual([404, 'not_found']);
    expect(
      failure(await w.desk.api('PUT', `${base()}/${template.id}`, { title: 't', body: 'b', scope: 'practice' })),
    ).toEqual([404, 'not_found']);
  });

  it('moves a template between scopes: made personal, it is removed for everyone else', async () => {
    const template = await create(w.desk.api, 'practice', 'Shared then mine');
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    const personal = await w.desk.api('PUT', `${base()}/${template.id}`, {
      title: 'Shared then mine',
      body: 'b',
      scope: 'personal',
    });
    expect(personal.status).toBe(200);
    expect((await listed(w.lee.api)).map((t) => t.id)).not.toContain(template.id);
    const lee = await changesSince(w.lee.api, cursors[1]);
    expect(templateChanges(lee.changes, template.id)).toEqual([
      { kind: 'templateRemoved', practiceId: w.sunriseId, templateId: template.id },
    ]);
    const desk = await changesSince(w.desk.api, cursors[0]);
    expect(templateChanges(desk.changes, template.id).map((c) => c.kind)).toEqual(['template']);
  });

  it('refuses out-of-bounds values with 422 and the wrong shape with 400, storing nothing', async () => {
    const cursors = await feedEnds([w.desk.api, w.lee.api]);
    const count = (await listed(w.desk.api)).length;
    const values: Record<string, unknown>[] = [
      { title: '', body: 'b', scope: 'practice' },
      { title: '   ', body: 'b', scope: 'practice' },
      { title: 't'.repeat(MAX_TEMPLATE_TITLE_CHARS + 1), body: 'b', scope: 'practice' },
      { title: 't', body: '', scope: 'practice' },
      { title: 't', body: 'b'.repeat(MAX_TEMPLATE_BODY_CHARS + 1), scope: 'practice' },
      { title: 't', body: 'b', scope: 'team' },
      { title: 'nul \u0000 in it', body: 'b', scope: 'practice' },
      { title: 't', body: 'nul \u0000 in it', scope: 'practice' },
    ];
    for (const body of values) {
      expect(failure(await w.desk.api('POST', base(), body)), JSON.stringify(body).slice(0, 60)).toEqual([
        422,
        'invalid_field',
      ]);
    }
    const shapes: unknown[] = [
      { title: 't', body: 'b' },
      { title: 1, body: 'b', scope: 'practice' },
      { title: 't', body: 'b', scope: 'practice', owner: 'x' },
    ];
    for (const body of shapes) {
      expect(failure(await w.desk.api('POST', base(), body)), JSON.stringify(body)).toEqual([400, 'malformed_request']);
    }
    const longest = await w.desk.api('POST', base(), {
      title: 't'.repeat(MAX_TEMPLATE_TITLE_CHARS),
      body: 'b'.repeat(MAX_TEMPLATE_BODY_CHARS),
      scope: 'personal',
    });
    expect(longest.status).toBe(201);
    expect((await listed(w.desk.api)).length).toBe(count + 1);
    await expectNoChanges([w.lee.api], [cursors[1]!], 'refused templates changed a feed');
  });

  it("refuses patients, non-members and other practices' addresses", async () => {
    const template = await create(w.billing.api, 'practice', 'Billing hours');
    expect(failure(await w.ana.api('GET', base()))).toEqual([401, 'invalid_token']);
    expect(failure(await w.ana.api('POST', base(), { title: 't', body: 'b', scope: 'practice' }))).toEqual([
      401,
      'invalid_token',
    ]);
    expect(failure(await w.nurse.api('GET', base()))).toEqual([404, 'not_found']);
    expect(failure(await w.nurse.api('DELETE', `${base()}/${template.id}`))).toEqual([404, 'not_found']);
    const viaLakeside = `/practices/${w.lakesideId}/templates/${template.id}`;
    expect(failure(await w.billing.api('DELETE', viaLakeside))).toEqual([404, 'not_found']);
    expect(failure(await w.billing.api('PUT', viaLakeside, { title: 't', body: 'b', scope: 'practice' }))).toEqual([
      404,
      'not_found',
    ]);
    expect((await listed(w.desk.api)).find((t) => t.id === template.id)).toEqual(template);
  });
});
