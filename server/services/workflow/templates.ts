// Quick text (API.md "Quick text (templates)"): a practice's templates for all its staff, personal
// ones for their owner only (to anyone else they do not exist: 404). Every change is told to exactly
// those who see the template before or after it (`template` or `templateRemoved`) and audited.
import { randomUUID } from 'node:crypto';
import type { Template, TemplateBody } from '../../../common/http/index.js';
import { notFound } from '../../errors.js';
import { practiceStaff } from '../../storage/queries/people.js';
import {
  deleteTemplate,
  insertTemplate,
  updateTemplate,
  visibleTemplate,
  visibleTemplates,
  type TemplateRow,
} from '../../storage/queries/templates.js';
import type { Executor } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { recordAudit, staffActor, type AuditRecord, type Origin } from './audit-log.js';
import { tell } from './change-fanout.js';

const wire = (row: TemplateRow): Template => ({
  id: row.id,
  title: row.title,
  body: row.body,
  scope: row.owner_id === null ? 'practice' : 'personal',
  updatedAt: new Date(Number(row.updated_at)).toISOString(),
});

export async function templatesFor(db: Executor, practiceId: string, staffId: string): Promise<Template[]> {
  return (await visibleTemplates(db, practiceId, staffId)).map(wire);
}

/** Who sees a template: the whole practice, or its owner. */
async function audience(ctx: WriteContext, practiceId: string, ownerId: string | null): Promise<string[]> {
  if (ownerId !== null) return [ownerId];
  return (await practiceStaff(ctx.db, practiceId)).map((member) => member.id);
}

const event = (
  action: AuditRecord['action'],
  practiceId: string,
  staffId: string,
  templateId: string,
): AuditRecord => ({
  action,
  practiceId,
  actor: staffActor(staffId),
  templateId,
});

export async function createTemplate(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  body: TemplateBody,
): Promise<Template> {
  const row: TemplateRow = {
    id: randomUUID(),
    practice_id: practiceId,
    owner_id: body.scope === 'personal' ? staffId : null,
    title: body.title,
    body: body.body,
    updated_at: ctx.now(),
  };
  await insertTemplate(ctx.db, row);
  const template = wire(row);
  await tell(ctx, await audience(ctx, practiceId, row.owner_id), practiceId, 'template', { template });
  await recordAudit(ctx, origin, [event('template_created', practiceId, staffId, row.id)]);
  return template;
}

export async function changeTemplate(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  templateId: string,
  body: TemplateBody,
): Promise<Template> {
  const before = await visibleTemplate(ctx.db, practiceId, staffId, templateId);
  if (!before) throw notFound();
  const after: TemplateRow = {
    ...before,
    owner_id: body.scope === 'personal' ? staffId : null,
    title: body.title,
    body: body.body,
    updated_at: Math.max(ctx.now(), Number(before.updated_at)),
  };
  await updateTemplate(ctx.db, templateId, after);
  const template = wire(after);
  const seeing = await audience(ctx, practiceId, after.owner_id);
  const seeingBefore = await audience(ctx, practiceId, before.owner_id);
  await tell(ctx, seeing, practiceId, 'template', { template });
  const lost = seeingBefore.filter((id) => !seeing.includes(id));
  await tell(ctx, lost, practiceId, 'templateRemoved', { templateId });
  await recordAudit(ctx, origin, [event('template_updated', practiceId, staffId, templateId)]);
  return template;
}

export async function removeTemplate(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  templateId: string,
): Promise<void> {
  const before = await visibleTemplate(ctx.db, practiceId, staffId, templateId);
  if (!before) throw notFound();
  await deleteTemplate(ctx.db, templateId);
  await tell(ctx, await audience(ctx, practiceId, before.owner_id), practiceId, 'templateRemoved', { templateId });
  await recordAudit(ctx, origin, [event('template_deleted', practiceId, staffId, templateId)]);
}
