// Attachment metadata of cached messages (the bytes are files named by their sha256, see files/).
import type { Message } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export interface CachedFileAttachment {
  name: string;
  size: number;
  mimeType: string;
  sha256: string;
}

export class AttachmentStore {
  private readonly deleteStmt;
  private readonly insertStmt;
  private readonly fileStmt;

  constructor(db: Db) {
    this.deleteStmt = db.prepare<[number]>('DELETE FROM attachments WHERE message_rowid = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO attachments (message_rowid, id, kind, name, size, mime_type, sha256, ref_id)
       VALUES (@rowid, @id, @kind, @name, @size, @mime_type, @sha256, @ref_id)`,
    );
    this.fileStmt = db.prepare<
      [string, string],
      { kind: string; name: string; size: number | null; mime_type: string | null; sha256: string | null }
    >(
      `SELECT a.kind, a.name, a.size, a.mime_type, a.sha256 FROM attachments a JOIN messages m ON m.rowid = a.message_rowid
       WHERE m.id = ? AND a.id = ?`,
    );
  }

  /** Writes the message's attachments; `replace` first removes what the row had (a local row's). */
  write(rowid: number, message: Message, replace: boolean): void {
    if (replace) this.deleteStmt.run(rowid);
    for (const a of message.attachments) {
      const file = a.kind === 'file';
      this.insertStmt.run({
        rowid,
        id: a.id,
        kind: a.kind,
        name: a.name,
        size: file ? a.size : null,
        mime_type: file ? a.mimeType : null,
        sha256: file ? a.sha256 : null,
        ref_id: file ? null : a.refId,
      });
    }
  }

  /** A file attachment of a cached message; null when unknown or not a file. */
  file(messageId: string, attachmentId: string): CachedFileAttachment | null {
    const row = this.fileStmt.get(messageId, attachmentId);
    if (!row || row.kind !== 'file' || !row.sha256) return null;
    return {
      name: row.name,
      size: row.size ?? 0,
      mimeType: row.mime_type ?? 'application/octet-stream',
      sha256: row.sha256,
    };
  }
}
