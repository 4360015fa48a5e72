// The compose draft of each practice, kept in the (encrypted) cache so it survives a closed window.
import type { Db } from './driver.js';

export class DraftStore {
  constructor(private readonly db: Db) {}

  get<T>(practiceId: string): T | null {
    const row = this.db
      .prepare<[string], { json: string }>('SELECT json FROM drafts WHERE practice_id = ?')
      .get(practiceId);
    return row ? (JSON.parse(row.json) as T) : null;
  }

  /** Saves the draft; null removes it. */
  put(practiceId: string, draft: unknown): void {
    if (draft === null) {
      this.db.prepare('DELETE FROM drafts WHERE practice_id = ?').run(practiceId);
      return;
    }
    this.db
      .prepare(
        'INSERT INTO drafts (practice_id, json) VALUES (?, ?) ON CONFLICT (practice_id) DO UPDATE SET json = excluded.json',
      )
      .run(practiceId, JSON.stringify(draft));
  }
}
