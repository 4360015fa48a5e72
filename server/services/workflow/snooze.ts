// Snooze (API.md "Snooze and mute"): a time between now and a year ahead, and what happens when it
// is due: the server brings the message back unread with the snooze cleared, through a `state`
// change in the user's feed, so every device of theirs sees it return (and notifies) at once.
import type { MailboxState } from '../../../common/http/index.js';
import { unprocessable } from '../../errors.js';
import { dueSnoozes, wakeSnooze } from '../../storage/queries/mailbox-times.js';
import type { WriteContext } from '../write-context.js';
import { appendChanges } from '../feed/feed-changes.js';
import { stateJson } from '../messages/message-store.js';

export const MAX_SNOOZE_MS = 365 * 24 * 60 * 60 * 1000;
const WAKE_BATCH = 500;

/** The snooze time in epoch ms, if it lies in the next year; 422 otherwise. */
export function snoozeTime(iso: string, now: number): number {
  const at = Date.parse(iso);
  if (!(at > now)) throw unprocessable('invalid_field', 'Snooze until a time in the future.');
  if (at > now + MAX_SNOOZE_MS) throw unprocessable('invalid_field', 'Snooze for at most one year.');
  return at;
}

/** Wakes the snoozes due now, one batch; resolves true when the batch was full (run again). */
export async function wakeDueSnoozes(ctx: WriteContext): Promise<boolean> {
  const due = await dueSnoozes(ctx.db, ctx.now(), WAKE_BATCH);
  for (const snooze of due) {
    // Conditional: a snooze changed or cleared meanwhile (or woken by another instance) stays as it is.
    if (!(await wakeSnooze(ctx.db, snooze))) continue;
    const state: MailboxState = {
      messageId: snooze.message_id,
      read: false,
      flagged: snooze.flagged === 1,
      archived: snooze.archived === 1,
      snoozedUntil: null,
    };
    await appendChanges(ctx, [
      {
        staffId: snooze.staff_id,
        practiceId: snooze.practice_id,
        kind: 'state',
        payload: stateJson(state),
        messageSeq: snooze.message_seq,
      },
    ]);
  }
  return due.length === WAKE_BATCH;
}
