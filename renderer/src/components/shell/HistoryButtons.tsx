// Back and Forward buttons in the top bar: from a patient, encounter or document back to the message. Named
// "Previous screen" and "Next screen" so they never read like a message's Forward.
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { useRouteStore } from '../../stores/route-store.js';
import { Icon } from '../common/Icon.js';

export function HistoryButtons() {
  const canGoBack = useRouteStore((s) => s.back.length > 0);
  const canGoForward = useRouteStore((s) => s.forward.length > 0);
  return (
    <div className="history-buttons">
      <button
        className="icon-button"
        aria-label="Previous screen"
        title={SHORTCUT_HINTS.back}
        disabled={!canGoBack}
        onClick={() => useRouteStore.getState().goBack()}
      >
        <Icon name="back" />
      </button>
      <button
        className="icon-button"
        aria-label="Next screen"
        title={SHORTCUT_HINTS.forward}
        disabled={!canGoForward}
        onClick={() => useRouteStore.getState().goForward()}
      >
        <Icon name="forward" />
      </button>
    </div>
  );
}
