// Snooze the open message (1 hour, tomorrow 8:00, next week, or a date): it leaves the Inbox, To Do and the
// unread count until then, then comes back. A snoozed message shows until when, and Unsnooze.
import { useId, useState } from 'react';
import type { MessageView } from '../../../../common/desktop/index.js';
import { fullTime } from '../../lib/format.js';
import { fromLocalInput, SNOOZE_PRESETS, snoozeUntil } from '../../lib/snooze-times.js';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';

export function SnoozeControl({ view }: { view: MessageView }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const setState = useCurrentMessageStore((s) => s.setState);
  const until = view.state.snoozedUntil;

  const snooze = async (time: Date | null) => {
    if (!time || time.getTime() <= Date.now()) return setProblem('Pick a date and time later than now.');
    setProblem(null);
    setOpen(false);
    await setState({ snoozedUntil: time.toISOString() });
  };

  if (until && Date.parse(until) > Date.now()) {
    return (
      <span className="snoozed">
        <span className="tag">Snoozed until {fullTime(until)}</span>
        <button type="button" onClick={() => void setState({ snoozedUntil: null })}>
          Unsnooze
        </button>
      </span>
    );
  }
  return (
    <span className="snooze">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        Snooze
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          className="disclosure-panel card"
          role="group"
          aria-label="Snooze until"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
          }}
        >
          {SNOOZE_PRESETS.map(({ preset, label }) => (
            <button key={preset} type="button" onClick={() => void snooze(snoozeUntil(preset))}>
              {label}
            </button>
          ))}
          <div className="field">
            <label htmlFor={`${id}-date`}>A date and time</label>
            <input id={`${id}-date`} type="datetime-local" value={picked} onChange={(e) => setPicked(e.target.value)} />
          </div>
          <button type="button" onClick={() => void snooze(fromLocalInput(picked))}>
            Snooze until then
          </button>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
        </div>
      )}
    </span>
  );
}
