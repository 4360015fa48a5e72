// Flag/Unflag and Archive/Move to Inbox for the open message (messages are never deleted).
import type { MessageView } from '../../../../common/desktop/index.js';
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { toggleArchived } from '../../stores/archive-and-next.js';
import { useCurrentMessageStore } from '../../stores/current-message-store.js';
import { Icon } from '../common/Icon.js';

export function MessageActions({ view }: { view: MessageView }) {
  const { flagged, archived } = view.state;
  const setState = useCurrentMessageStore((s) => s.setState);
  return (
    <div className="actions message-actions">
      <button title={SHORTCUT_HINTS.flag} onClick={() => void setState({ flagged: !flagged })}>
        <Icon name="flag" className={flagged ? 'flag-mark' : ''} /> {flagged ? 'Unflag' : 'Flag'}
      </button>
      <button title={SHORTCUT_HINTS.archive} onClick={() => void toggleArchived()}>
        {archived ? 'Move to Inbox' : 'Archive'}
      </button>
    </div>
  );
}
