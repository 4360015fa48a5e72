// Forward, Snooze and Mute for the open message, beside Flag and Archive.
import type { MessageView } from '../../../../common/desktop/index.js';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';
import { navigate } from '../../stores/route-store.js';
import { setCurrentThreadMuted } from '../../stores/thread-state.js';
import { SnoozeControl } from './SnoozeControl.js';
import './workflow.css';

export function WorkflowActions({ view }: { view: MessageView }) {
  const muted = useCurrentMessageStore((s) => s.muted);
  const delivered = view.delivery === 'delivered';
  return (
    <div className="actions workflow-actions">
      <button
        type="button"
        disabled={!delivered}
        title={delivered ? 'Forward with its attachments' : 'Wait until it is sent to forward it'}
        onClick={() => navigate({ name: 'compose', link: null, forward: view.message.id })}
      >
        Forward
      </button>
      <SnoozeControl view={view} />
      <button
        type="button"
        title="No notifications for this conversation (urgent messages still alert)"
        onClick={() => void setCurrentThreadMuted(!muted)}
      >
        {muted ? 'Unmute' : 'Mute'}
      </button>
    </div>
  );
}
