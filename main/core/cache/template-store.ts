// Quick-text templates the user can see, by practice. One saved here offline is stored at once with
// a local id (`local-<uuid>`) and replaced by the server's when the save goes through.
import type { Template } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export const LOCAL_TEMPLATE_PREFIX = 'local-';
export const isLocalTemplateId = (id: string) => id.startsWith(LOCAL_TEMPLATE_PREFIX);

export class TemplateStore {
  private readonly upsertStmt;
  private readonly removeStmt;
  private readonly getStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare(
      `INSERT INTO templates (id, practice_id, json) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET practice_id = excluded.practice_id, json = excluded.json`,
    );
    this.removeStmt = db.prepare<[string]>('DELETE FROM templates WHERE id = ?');
    this.getStmt = db.prepare<[string], { practice_id: string; json: string }>(
      'SELECT practice_id, json FROM templates WHERE id = ?',
    );
    this.listStmt = db.prepare<[string], { json: string }>('SELECT json FROM templates WHERE practice_id = ?');
  }

  put(practiceId: string, template: Template): void {
    this.upsertStmt.run(template.id, practiceId, JSON.stringify(template));
  }

  remove(id: string): void {
    this.removeStmt.run(id);
  }

  get(id: string): { practiceId: string; template: Template } | null {
    const row = this.getStmt.get(id);
    return row ? { practiceId: row.practice_id, template: JSON.parse(row.json) as Template } : null;
  }

  list(practiceId: string): Template[] {
    return this.listStmt
      .all(practiceId)
      .map((r) => JSON.parse(r.json) as Template)
      .sort((a, b) => a.title.localeCompare(b.title));
  }
}
