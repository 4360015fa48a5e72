// Snoozes in the cache: which are due (the waker brings them back unread, as the server does), and
// whether a state change from the server just ended one (so its return notifies).
import type { Db } from './driver.js';

export class SnoozeStore {
  private readonly currentStmt;
  private readonly dueStmt;
  private readonly wakeStmt;
  private readonly nextStmt;

  constructor(db: Db) {
    this.currentStmt = db.prepare<[string], { snoozed_until: string | null }>(
      `SELECT b.snoozed_until FROM messages m JOIN mailbox_state b ON b.message_rowid = m.rowid WHERE m.id = ?`,
    );
    this.dueStmt = db.prepare<[string], { rowid: number; id: string }>(
      `SELECT b.message_rowid AS rowid, m.id FROM mailbox_state b JOIN messages m ON m.rowid = b.message_rowid
       WHERE b.snoozed_until IS NOT NULL AND b.snoozed_until <= ?`,
    );
    this.wakeStmt = db.prepare<[number]>(
      'UPDATE mailbox_state SET snoozed_until = NULL, read = 0 WHERE message_rowid = ?',
    );
    this.nextStmt = db.prepare<[], { at: string | null }>(
      'SELECT min(snoozed_until) AS at FROM mailbox_state WHERE snoozed_until IS NOT NULL',
    );
  }

  snoozedUntil(messageId: string): string | null {
    return this.currentStmt.get(messageId)?.snoozed_until ?? null;
  }

  /** Ends every snooze due at `nowIso`: the message comes back unread. Returns their ids. */
  wakeDue(nowIso: string): string[] {
    const due = this.dueStmt.all(nowIso);
    for (const row of due) this.wakeStmt.run(row.rowid);
    return due.map((row) => row.id);
  }

  /** When the next snooze ends, or null when nothing is snoozed. */
  nextDue(): string | null {
    return this.nextStmt.get()?.at ?? null;
  }
}
