// Quick-text templates: a practice's (owner null) and each staff member's personal ones.
import type { Executor, TemplatesTable } from '../schema.js';

export type TemplateRow = TemplatesTable;

export async function insertTemplate(db: Executor, row: TemplateRow): Promise<void> {
  await db.insertInto('templates').values(row).execute();
}

/** The template `id` of `practiceId` if `staffId` may see it: a practice one, or their own. */
export function visibleTemplate(db: Executor, practiceId: string, staffId: string, id: string) {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', practiceId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', staffId)]))
    .executeTakeFirst();
}

export function visibleTemplates(db: Executor, practiceId: string, staffId: string): Promise<TemplateRow[]> {
  return db
    .selectFrom('templates')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '=', staffId)]))
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function updateTemplate(
  db: Executor,
  id: string,
  set: Pick<TemplateRow, 'owner_id' | 'title' | 'body' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('templates').set(set).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('templates').where('id', '=', id).execute();
}
