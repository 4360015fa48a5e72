// Users of several practices pick the current one; counts, lists and settings follow it.
import { clearContent } from '../../stores/clear-content.js';
import { useRouteStore } from '../../stores/route-store.js';
import { useSessionStore } from '../../stores/session-store.js';

export function PracticeSwitcher() {
  const practices = useSessionStore((s) => s.session?.practices);
  const practiceId = useSessionStore((s) => s.practiceId);
  if (!practices || practices.length === 0) return null;
  if (practices.length === 1) {
    return (
      <span className="practice-name" title={practices[0]?.name}>
        {practices[0]?.name}
      </span>
    );
  }
  return (
    <label className="practice-switcher">
      <span className="visually-hidden">Practice</span>
      <select
        value={practiceId ?? ''}
        onChange={(e) => {
          clearContent();
          useSessionStore.getState().selectPractice(e.target.value);
          // Back must not lead into the other practice's messages.
          useRouteStore.getState().reset();
        }}
      >
        {practices.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
