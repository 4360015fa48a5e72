// The snooze presets as times: in 1 hour, tomorrow at 8:00, next Monday at 8:00 (local time).
export type SnoozePreset = 'hour' | 'tomorrow' | 'nextWeek';

export const SNOOZE_PRESETS: { preset: SnoozePreset; label: string }[] = [
  { preset: 'hour', label: '1 hour' },
  { preset: 'tomorrow', label: 'Tomorrow 8:00' },
  { preset: 'nextWeek', label: 'Next week' },
];

const atEight = (d: Date) => {
  d.setHours(8, 0, 0, 0);
  return d;
};

export function snoozeUntil(preset: SnoozePreset, now = new Date()): Date {
  const d = new Date(now);
  if (preset === 'hour') return new Date(now.getTime() + 60 * 60 * 1000);
  if (preset === 'tomorrow') d.setDate(d.getDate() + 1);
  // Next week: the coming Monday (a week from today when today is Monday).
  else d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return atEight(d);
}

/** A `datetime-local` value ("2026-12-01T08:00") as a time, or null when empty or not a date. */
export function fromLocalInput(value: string): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
