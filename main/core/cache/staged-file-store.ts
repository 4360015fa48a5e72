// Files the user attached to a message not yet sent: their metadata (the bytes live in files/staged).
import type { Db } from './driver.js';

export interface StagedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

interface StagedRow {
  id: string;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
}

export class StagedFileStore {
  private readonly getStmt;
  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], StagedRow>(
      'SELECT id, name, mime_type, size, sha256 FROM staged_files WHERE id = ?',
    );
  }

  get(id: string): StagedFile | null {
    const row = this.getStmt.get(id);
    return row ? { id: row.id, name: row.name, mimeType: row.mime_type, size: row.size, sha256: row.sha256 } : null;
  }

  add(file: StagedFile): void {
    this.db
      .prepare('INSERT INTO staged_files (id, name, mime_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(file.id, file.name, file.mimeType, file.size, file.sha256, new Date().toISOString());
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM staged_files WHERE id = ?').run(id);
  }
}
