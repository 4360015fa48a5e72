// Read receipts live in the message's JSON (as the server sends them); a `receipt` change sets one
// recipient's first-read time there. A read time once set is never cleared (API.md).
import type { Message, Receipt } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export class ReceiptWriter {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { rowid: number; json: string }>(
      'SELECT rowid, json FROM messages WHERE id = ?',
    );
    this.setStmt = db.prepare<[string, number]>('UPDATE messages SET json = ? WHERE rowid = ?');
  }

  /** False when the message is not cached (its receipts arrive with it later). */
  apply(messageId: string, userId: string, readAt: string): boolean {
    const row = this.getStmt.get(messageId);
    if (!row) return false;
    const message = JSON.parse(row.json) as Omit<Message, 'subject' | 'body'>;
    const receipts: Receipt[] = message.receipts ?? [];
    const existing = receipts.find((r) => r.userId === userId);
    if (existing?.readAt) return true;
    if (existing) existing.readAt = readAt;
    else receipts.push({ userId, readAt });
    this.setStmt.run(JSON.stringify({ ...message, receipts }), row.rowid);
    return true;
  }
}
