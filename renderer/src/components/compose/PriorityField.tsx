// Urgent or not: an urgent message alerts its recipients at once and again until they read it.
import { useComposeStore } from '../../stores/compose-store.js';

export function PriorityField() {
  const priority = useComposeStore((s) => s.priority);
  const update = useComposeStore((s) => s.update);
  return (
    <div className="check">
      <input
        id="compose-urgent"
        type="checkbox"
        checked={priority === 'urgent'}
        aria-describedby="compose-urgent-hint"
        onChange={(e) => update({ priority: e.target.checked ? 'urgent' : 'normal' })}
      />
      <label htmlFor="compose-urgent">Urgent</label>
      <span id="compose-urgent-hint" className="hint">
        Recipients are alerted at once, and again every few minutes until they read it. You see who has read it.
      </span>
    </div>
  );
}
