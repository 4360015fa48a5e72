// The unread count of the current practice, as a badge whose accessible name says "unread".
import { count } from '../../lib/format.js';
import { useUnreadCount } from '../../stores/unread-store.js';

export function UnreadCount({ practiceId }: { practiceId: string }) {
  const unread = useUnreadCount(practiceId);
  const label = `${count(unread)} unread ${unread === 1 ? 'message' : 'messages'}`;
  return (
    <span
      className={`badge ${unread === 0 ? 'zero' : ''}`}
      role="status"
      aria-label={label}
      title={label}
      data-testid="unread-count"
    >
      {count(unread)}
    </span>
  );
}
