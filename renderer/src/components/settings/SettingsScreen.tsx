// Message Settings: loads this practice's settings and the app preferences, then shows the form.
import { useEffect } from 'react';
import { useSessionStore } from '../../stores/session-store.js';
import { useSettingsStore } from '../../stores/settings-store.js';
import { SettingsForm } from './SettingsForm.js';
import { TemplatesSection } from './TemplatesSection.js';
import './settings.css';

export function SettingsScreen({ practiceId }: { practiceId: string }) {
  const practice = useSettingsStore((s) => s.practice);
  const preferences = useSettingsStore((s) => s.preferences);
  const error = useSettingsStore((s) => s.error);
  const practiceName = useSessionStore((s) => s.session?.practices.find((p) => p.id === practiceId)?.name);

  useEffect(() => {
    void useSettingsStore.getState().load(practiceId);
  }, [practiceId]);

  return (
    <div className="screen settings">
      <div className="screen-header">
        <h1>Message Settings</h1>
        {practiceName && <span className="muted">{practiceName}</span>}
      </div>
      {practice && preferences ? (
        <SettingsForm key={practiceId} practice={practice} preferences={preferences} />
      ) : error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
      <TemplatesSection practiceId={practiceId} />
    </div>
  );
}
