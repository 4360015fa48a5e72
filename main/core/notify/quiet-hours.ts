// Quiet hours: OS notifications stay silent from `start` to `end` local time (overnight when end < start).
import type { QuietHours } from '../../../common/desktop/index.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function isQuietTime(quiet: QuietHours, now: Date): boolean {
  if (!quiet.enabled) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const at = now.getHours() * 60 + now.getMinutes();
  if (start === end) return true; // the whole day
  return start < end ? at >= start && at < end : at >= start || at < end;
}
