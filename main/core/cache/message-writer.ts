// Writes messages, their mailbox state and attachment metadata. Used inside the sync transaction
// and the local-action transactions; pending outbox state changes are re-applied on top of what
// the server says, so an action the user took offline stays visible until the server confirms it.
import type { MailboxState, Message, StatePatch } from '../../../common/http/index.js';
import type { Db } from './driver.js';
import { AttachmentStore } from './attachment-store.js';
import { toColumns, type MessageColumns } from './message-columns.js';
import { localMessageId } from './message-ids.js';

export type UpsertOutcome = 'inserted' | 'updated' | 'reconciled';

export class MessageWriter {
  private readonly findRowid;
  private readonly findRow;
  private readonly insertMessage;
  private readonly replaceMessage;
  private readonly upsertState;
  private readonly updateState;
  private readonly attachments;
  private readonly setDelivery;
  private readonly pendingPatches;
  private readonly anyPendingPatch;
  private readonly unsentRow;
  private readonly indexedThrough;
  private readonly unindex;
  private readonly deleteMessage;
  /** Set while a sync page is stored: no pending state patch exists, so none is looked up per message. */
  private noPendingPatches = false;

  constructor(
    db: Db,
    private readonly userId: string,
  ) {
    this.findRowid = db.prepare<[string], { rowid: number; client_id: string }>(
      'SELECT rowid, client_id FROM messages WHERE id = ?',
    );
    this.findRow = db.prepare<[string], { rowid: number; practice_id: string; subject: string }>(
      'SELECT rowid, practice_id, subject FROM messages WHERE id = ?',
    );
    const cols = `id, client_id, practice_id, thread_id, source, sender_id, sender_name, subject, body, patient_name,
      recipient_names, has_attachments, sent_at, incoming, outgoing, json, delivery, delivery_error`;
    const params = cols
      .split(',')
      .map((c) => `@${c.trim()}`)
      .join(', ');
    this.insertMessage = db.prepare<[MessageColumns]>(`INSERT INTO messages (${cols}) VALUES (${params})`);
    const sets = cols
      .split(',')
      .map((c) => `${c.trim()} = @${c.trim()}`)
      .join(', ');
    this.replaceMessage = db.prepare<[MessageColumns & { rowid: number }]>(
      `UPDATE messages SET ${sets} WHERE rowid = @rowid`,
    );
    this.upsertState = db.prepare(
      `INSERT INTO mailbox_state (message_rowid, practice_id, source, incoming, outgoing, sent_at, read, flagged, archived,
         urgent, snoozed_until)
       VALUES (@rowid, @practice_id, @source, @incoming, @outgoing, @sent_at, @read, @flagged, @archived, @urgent,
         @snoozed_until)
       ON CONFLICT (message_rowid) DO UPDATE SET practice_id = excluded.practice_id, source = excluded.source,
         incoming = excluded.incoming, outgoing = excluded.outgoing, sent_at = excluded.sent_at,
         read = excluded.read, flagged = excluded.flagged, archived = excluded.archived, urgent = excluded.urgent,
         snoozed_until = excluded.snoozed_until`,
    );
    this.updateState = db.prepare(
      `UPDATE mailbox_state SET read = coalesce(@read, read), flagged = coalesce(@flagged, flagged),
         archived = coalesce(@archived, archived),
         snoozed_until = CASE WHEN @snooze_set = 1 THEN @snoozed_until ELSE snoozed_until END
       WHERE message_rowid = @rowid`,
    );
    this.attachments = new AttachmentStore(db);
    this.setDelivery = db.prepare<[string, string | null, string]>(
      'UPDATE messages SET delivery = ?, delivery_error = ? WHERE id = ?',
    );
    this.pendingPatches = db.prepare<[string, string], { payload: string }>(
      `SELECT payload FROM outbox WHERE kind = 'state' AND status = 'pending' AND target IN (?, ?) ORDER BY id`,
    );
    this.anyPendingPatch = db.prepare<[], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM outbox WHERE kind = 'state' AND status = 'pending') AS found`,
    );
    this.unsentRow = db.prepare<
      [string],
      { rowid: number; subject: string; body: string; sender_name: string; patient_name: string | null }
    >(`SELECT rowid, subject, body, sender_name, patient_name FROM messages WHERE id = ? AND delivery != 'delivered'`);
    this.indexedThrough = db.prepare<[], { n: number }>('SELECT indexed_through AS n FROM fts_progress WHERE id = 1');
    this.unindex = db.prepare(
      `INSERT INTO messages_fts (messages_fts, rowid, subject, body, sender_name, patient_name)
       VALUES ('delete', @rowid, @subject, @body, @sender_name, @patient_name)`,
    );
    this.deleteMessage = db.prepare<[number]>('DELETE FROM messages WHERE rowid = ?');
  }

  /** Drops a queued message the user cancelled before the server had it (state and attachments cascade). */
  removeUnsent(localId: string): void {
    const row = this.unsentRow.get(localId);
    if (!row) return;
    // Only rows already indexed may leave the search index (see fts_progress in migration 1).
    if (row.rowid <= (this.indexedThrough.get()?.n ?? 0)) this.unindex.run(row);
    this.deleteMessage.run(row.rowid);
  }

  /**
   * Runs `fn` (one sync page, inside its transaction) knowing up front whether any pending state
   * patch exists: a cold backfill then skips one outbox query per message. Nothing else writes to
   * the outbox while `fn` runs, so the answer holds throughout.
   */
  forPage<T>(fn: () => T): T {
    this.noPendingPatches = this.anyPendingPatch.get()?.found !== 1;
    try {
      return fn();
    } finally {
      this.noPendingPatches = false;
    }
  }

  rowOf(messageId: string): { rowid: number; practiceId: string; subject: string } | null {
    const row = this.findRow.get(messageId);
    return row ? { rowid: row.rowid, practiceId: row.practice_id, subject: row.subject } : null;
  }

  /** Stores a message the server sent; an echo of a locally queued one replaces the local row. */
  upsertFromServer(message: Message, state: MailboxState): UpsertOutcome {
    const columns = toColumns(message, this.userId);
    const existing = this.findRowid.get(message.id);
    // Only the user's own sends are stored locally before the server has them (insertLocal).
    const local = existing || !columns.outgoing ? undefined : this.findRowid.get(localMessageId(message.clientId));
    let outcome: UpsertOutcome;
    let rowid: number;
    if (existing) {
      rowid = existing.rowid;
      outcome = 'updated';
    } else if (local) {
      rowid = local.rowid;
      this.replaceMessage.run({ ...columns, rowid });
      this.attachments.write(rowid, message, true);
      outcome = 'reconciled';
    } else {
      rowid = Number(this.insertMessage.run(columns).lastInsertRowid);
      this.attachments.write(rowid, message, false);
      outcome = 'inserted';
    }
    this.writeState(rowid, columns, state);
    this.overlayPending(rowid, message.id, message.clientId);
    return outcome;
  }

  /** A message the user queued: stored at once with a local id, delivery pending. */
  insertLocal(message: Message): void {
    const columns = toColumns(message, this.userId, 'pending');
    const rowid = Number(this.insertMessage.run(columns).lastInsertRowid);
    this.attachments.write(rowid, message, false);
    this.writeState(rowid, columns, { messageId: message.id, read: true, flagged: false, archived: false });
  }

  /** Applies the server's state for a message; false when the message is not cached. */
  applyServerState(state: MailboxState): boolean {
    const found = this.findRowid.get(state.messageId);
    if (!found) return false;
    // The server's state is whole: no snoozedUntil means not snoozed.
    this.updateState.run({ rowid: found.rowid, ...bits({ ...state, snoozedUntil: state.snoozedUntil ?? null }) });
    this.overlayPending(found.rowid, state.messageId, found.client_id);
    return true;
  }

  /** A queued send's delivery as the UI shows it: pending, or failed with the server's reason. */
  markDelivery(localId: string, delivery: 'pending' | 'failed', error: string | null): void {
    this.setDelivery.run(delivery, error, localId);
  }

  applyLocalPatch(rowid: number, patch: StatePatch): void {
    this.updateState.run({ rowid, ...bits(patch) });
  }

  private writeState(rowid: number, c: MessageColumns, state: MailboxState): void {
    this.upsertState.run({
      rowid,
      practice_id: c.practice_id,
      source: c.source,
      incoming: c.incoming,
      outgoing: c.outgoing,
      sent_at: c.sent_at,
      urgent: c.urgent,
      ...bits(state),
      snoozed_until: isoOrNull(state.snoozedUntil),
    });
  }

  private overlayPending(rowid: number, messageId: string, clientId: string): void {
    if (this.noPendingPatches) return;
    for (const { payload } of this.pendingPatches.all(messageId, localMessageId(clientId))) {
      this.applyLocalPatch(rowid, (JSON.parse(payload) as { patch: StatePatch }).patch);
    }
  }
}

const bit = (v: boolean | undefined) => (v === undefined ? null : v ? 1 : 0);
const bits = (s: StatePatch) => ({
  read: bit(s.read),
  flagged: bit(s.flagged),
  archived: bit(s.archived),
  // snoozedUntil: absent leaves it, null clears it, a time sets it.
  snooze_set: s.snoozedUntil === undefined ? 0 : 1,
  snoozed_until: isoOrNull(s.snoozedUntil),
});

/** Times stored in one form (toISOString), so comparing the text compares the instants. */
const isoOrNull = (t: string | null | undefined) => (t ? new Date(t).toISOString() : null);
