// The settings form: Patient Portal and Notifications (this practice), and this computer's preferences.
import { useEffect, useState, type FormEvent } from 'react';
import type { PracticeSettings, Preferences } from '../../../../common/desktop/index.js';
import { useManagedPolicyStore } from '../../stores/managed-policy-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { ComputerSettings, idleRange, type ComputerChoices } from './ComputerSettings.js';
import { AlertPreferencesFields, parseRealert, type AlertFields } from './AlertPreferencesFields.js';

interface Props {
  practice: PracticeSettings;
  preferences: Preferences;
}

export function SettingsForm({ practice, preferences }: Props) {
  const [portal, setPortal] = useState(practice.portalMessagesInInbox);
  const [email, setEmail] = useState(practice.emailNotifications);
  const [computer, setComputer] = useState<ComputerChoices>({
    privacy: preferences.notificationPrivacy,
    idleMinutes: String(preferences.idleLockMinutes),
    startAtLogin: preferences.startAtLogin,
    closeToTray: preferences.closeToTray,
  });
  const policy = useManagedPolicyStore((s) => s.policy);
  const desktopApp = useManagedPolicyStore((s) => s.desktopApp);
  useEffect(() => void useManagedPolicyStore.getState().load(), []);
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
    const minutes = Number(computer.idleMinutes);
    const idle = idleRange(policy);
    if (!Number.isInteger(minutes) || minutes < idle.min || minutes > idle.max) {
      return setProblem(`Lock after idle must be a whole number of minutes from ${idle.min} to ${idle.max}.`);
    }
    const realert = parseRealert(alerts.realertMinutes);
    if (typeof realert === 'string') return setProblem(realert);
    if (!alerts.quietHours.start || !alerts.quietHours.end) return setProblem('Quiet hours need a start and an end.');
    setProblem(null);
    await useSettingsStore.getState().save(
      { portalMessagesInInbox: portal, emailNotifications: email },
      {
        notificationPrivacy: computer.privacy,
        idleLockMinutes: minutes,
        urgentRealertMinutes: realert,
        quietHours: alerts.quietHours,
        ...(desktopApp ? { startAtLogin: computer.startAtLogin, closeToTray: computer.closeToTray } : {}),
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
      <ComputerSettings
        choices={computer}
        onChange={(patch) => setComputer((current) => ({ ...current, ...patch }))}
        policy={policy}
        desktopApp={desktopApp}
      >
        <AlertPreferencesFields value={alerts} onChange={setAlerts} />
      </ComputerSettings>
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
