// Checks the engine makes before queueing team-workflow actions, so the user hears at once (offline too)
// what the server would refuse later.
import { DesktopCallError } from '../errors.js';
import type { AccountSession } from '../session/account-session.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** A snooze ends in the future and within a year (API.md), else invalid_arguments. */
export function checkSnoozeTime(iso: string, now = Date.now()): void {
  const ahead = Date.parse(iso) - now;
  if (!(ahead > 0)) throw new DesktopCallError('invalid_arguments', 'Snooze until a time later than now.');
  if (ahead > YEAR_MS) throw new DesktopCallError('invalid_arguments', 'Snooze for a year at most.');
}

/** A reply or claim on a portal thread someone else owns needs takeOver (the UI asks first). */
export function refuseIfOwnedByOther(s: AccountSession, threadId: string): void {
  const thread = s.cache.reader.workflow.portalThread(threadId);
  if (thread?.owner && thread.owner.id !== s.cache.userId) {
    throw new DesktopCallError('already_claimed', `${thread.owner.name} is already answering this patient.`);
  }
}
