// The settings form: Patient Portal and Notifications (this practice), privacy and idle lock (this app).
import { useState, type FormEvent } from 'react';
import type { NotificationPrivacy, PracticeSettings, Preferences } from '../../../../common/desktop/index.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { AlertPreferencesFields, parseRealert, type AlertFields } from './AlertPreferencesFields.js';

const privacyOptions: { value: NotificationPrivacy; label: string; explain: string }[] = [
  { value: 'generic', label: 'Generic', explain: 'Only “New message”. Nothing about who sent it or what it says.' },
  { value: 'sender', label: 'Sender only', explain: 'The sender’s name, but not the subject or any text.' },
  {
    value: 'full',
    label: 'Full preview',
    explain: 'Sender, subject and the start of the message. Anyone near the screen can read it.',
  },
];

interface Props {
  practice: PracticeSettings;
  preferences: Preferences;
}

export function SettingsForm({ practice, preferences }: Props) {
  const [portal, setPortal] = useState(practice.portalMessagesInInbox);
  const [email, setEmail] = useState(practice.emailNotifications);
  const [privacy, setPrivacy] = useState(preferences.notificationPrivacy);
  const [idleMinutes, setIdleMinutes] = useState(String(preferences.idleLockMinutes));
  const [alerts, setAlerts] = useState<AlertFields>({
    realertMinutes: String(preferences.urgentRealertMinutes),
    quietHours: preferences.quietHours,
  });
  const saving = useSettingsStore((s) => s.saving);
  const saved = useSettingsStore((s) => s.saved);
  const error = useSettingsStore((s) => s.error);
  const emailAlerts = useSettingsStore((s) => s.emailAlerts);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(idleMinutes);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240) {
      return setProblem('Lock after idle must be a whole number of minutes from 0 to 240.');
    }
    const realert = parseRealert(alerts.realertMinutes);
    if (typeof realert === 'string') return setProblem(realert);
    if (!alerts.quietHours.start || !alerts.quietHours.end) return setProblem('Quiet hours need a start and an end.');
    setProblem(null);
    await useSettingsStore.getState().save(
      { portalMessagesInInbox: portal, emailNotifications: email },
      {
        notificationPrivacy: privacy,
        idleLockMinutes: minutes,
        urgentRealertMinutes: realert,
        quietHours: alerts.quietHours,
      },
    );
  };

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className="card">
        <legend>This practice</legend>
        <p className="hint">These settings are practice-specific.</p>
        <div className="check">
          <input
            id="setting-portal"
            type="checkbox"
            checked={portal}
            aria-describedby="setting-portal-hint"
            onChange={(e) => setPortal(e.target.checked)}
          />
          <label htmlFor="setting-portal">Patient Portal</label>
          <span id="setting-portal-hint" className="hint">
            Check this option if you want messages from the Patient Portal to appear in your Inbox.
          </span>
        </div>
        <div className="check">
          <input
            id="setting-email"
            type="checkbox"
            checked={email}
            aria-describedby={emailAlerts === false ? 'setting-email-hint setting-email-off' : 'setting-email-hint'}
            onChange={(e) => setEmail(e.target.checked)}
          />
          <label htmlFor="setting-email">Notifications</label>
          <span id="setting-email-hint" className="hint">
            Check this option if you want to receive email alerts every time someone messages you.
          </span>
          {emailAlerts === false && (
            <p id="setting-email-off" className="notice" role="note">
              This practice server can&apos;t send email alerts: no mail server is set up. Your choice is kept, and
              alerts start once your administrator sets one up.
            </p>
          )}
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>This computer</legend>
        <fieldset className="privacy">
          <legend>Notification privacy</legend>
          <p className="hint">
            What desktop notifications show about a new message, for anyone who can see this screen.
          </p>
          {privacyOptions.map((o) => (
            <div className="check" key={o.value}>
              <input
                id={`privacy-${o.value}`}
                type="radio"
                name="privacy"
                value={o.value}
                checked={privacy === o.value}
                aria-describedby={`privacy-${o.value}-hint`}
                onChange={() => setPrivacy(o.value)}
              />
              <label htmlFor={`privacy-${o.value}`}>{o.label}</label>
              <span id={`privacy-${o.value}-hint`} className="hint">
                {o.explain}
              </span>
            </div>
          ))}
        </fieldset>
        <div className="field idle">
          <label htmlFor="setting-idle">Lock after idle (minutes)</label>
          <input
            id="setting-idle"
            type="number"
            min={0}
            max={240}
            step={1}
            value={idleMinutes}
            aria-describedby="setting-idle-hint"
            onChange={(e) => setIdleMinutes(e.target.value)}
          />
          <span id="setting-idle-hint" className="hint">
            The app hides messages and asks for your password after this many minutes without use. 0 turns the lock off.
          </span>
        </div>
        <AlertPreferencesFields value={alerts} onChange={setAlerts} />
      </fieldset>
      {(problem ?? error) && (
        <p role="alert" className="error">
          {problem ?? error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          Save
        </button>
        {saved && (
          <span role="status" className="success">
            Settings saved.
          </span>
        )}
      </div>
    </form>
  );
}
