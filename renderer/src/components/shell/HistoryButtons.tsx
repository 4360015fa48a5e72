// Back and Forward buttons in the top bar: from a patient, encounter or document back to the message. Named
// "Previous screen" and "Next screen" so they never read like a message's Forward.
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { useRouteStore } from '../../stores/route-store.js';
import { Icon } from '../common/Icon.js';

export function HistoryButtons() {
  const canGoBack = useRouteStore((s) => s.back.length > 0);
  const canGoForward = useRouteStore((s) => s.forward.length > 0);
  const steps = [
    { label: 'Previous screen', icon: 'back', hint: SHORTCUT_HINTS.back, enabled: canGoBack, step: 'goBack' },
    { label: 'Next screen', icon: 'forward', hint: SHORTCUT_HINTS.forward, enabled: canGoForward, step: 'goForward' },
  ] as const;
  return (
    <div className="history-buttons">
      {steps.map(({ label, icon, hint, enabled, step }) => (
        <button
          key={label}
          className="icon-button"
          aria-label={label}
          title={hint}
          disabled={!enabled}
          onClick={() => useRouteStore.getState()[step]()}
        >
          <Icon name={icon} />
        </button>
      ))}
    </div>
  );
}
