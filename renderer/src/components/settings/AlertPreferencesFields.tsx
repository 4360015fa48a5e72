// Urgent re-alerts and quiet hours (this computer's preferences), inside the Message Settings form.
import {
  MAX_REALERT_MINUTES,
  MAX_URGENT_REALERTS,
  MIN_REALERT_MINUTES,
  type QuietHours,
} from '../../../../common/desktop/index.js';

export interface AlertFields {
  /** As typed, checked on Save. */
  realertMinutes: string;
  quietHours: QuietHours;
}

/** The re-alert minutes as a number, or the sentence to show when they are not valid. */
export function parseRealert(value: string): number | string {
  const minutes = Number(value);
  if (Number.isInteger(minutes) && minutes >= MIN_REALERT_MINUTES && minutes <= MAX_REALERT_MINUTES) return minutes;
  return `Alert again after must be a whole number of minutes from ${MIN_REALERT_MINUTES} to ${MAX_REALERT_MINUTES}.`;
}

export function AlertPreferencesFields({ value, onChange }: { value: AlertFields; onChange(next: AlertFields): void }) {
  const quiet = value.quietHours;
  const setQuiet = (patch: Partial<QuietHours>) => onChange({ ...value, quietHours: { ...quiet, ...patch } });
  return (
    <>
      <div className="field idle">
        <label htmlFor="setting-realert">Urgent messages: alert again after (minutes)</label>
        <input
          id="setting-realert"
          type="number"
          min={MIN_REALERT_MINUTES}
          max={MAX_REALERT_MINUTES}
          step={1}
          value={value.realertMinutes}
          aria-describedby="setting-realert-hint"
          onChange={(e) => onChange({ ...value, realertMinutes: e.target.value })}
        />
        <span id="setting-realert-hint" className="hint">
          An urgent message alerts at once, then again this often until you read it ({MAX_URGENT_REALERTS} times at
          most).
        </span>
      </div>
      <fieldset className="privacy quiet-hours">
        <legend>Quiet hours</legend>
        <div className="check">
          <input
            id="setting-quiet"
            type="checkbox"
            checked={quiet.enabled}
            aria-describedby="setting-quiet-hint"
            onChange={(e) => setQuiet({ enabled: e.target.checked })}
          />
          <label htmlFor="setting-quiet">Turn on quiet hours</label>
          <span id="setting-quiet-hint" className="hint">
            No desktop notifications (pop-ups or sounds) between these times; the unread count still shows.
          </span>
        </div>
        <div className="quiet-times">
          <div className="field">
            <label htmlFor="setting-quiet-start">From</label>
            <input
              id="setting-quiet-start"
              type="time"
              value={quiet.start}
              disabled={!quiet.enabled}
              onChange={(e) => setQuiet({ start: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="setting-quiet-end">Until</label>
            <input
              id="setting-quiet-end"
              type="time"
              value={quiet.end}
              disabled={!quiet.enabled}
              onChange={(e) => setQuiet({ end: e.target.value })}
            />
          </div>
        </div>
      </fieldset>
    </>
  );
}
