// The To Do list: flagged messages of this practice; a click opens the message.
import { useEffect } from 'react';
import { listTime } from '../../lib/format.js';
import { useTodoStore } from '../../stores/message-list-store.js';
import { useRouteStore } from '../../stores/route-store.js';
import { Icon } from '../common/Icon.js';

export function TodoList({ practiceId }: { practiceId: string }) {
  const rows = useTodoStore((s) => s.rows);
  const loaded = useTodoStore((s) => s.loaded);
  const error = useTodoStore((s) => s.error);
  useEffect(() => {
    void useTodoStore.getState().show(practiceId, 'todo');
  }, [practiceId]);
  return (
    <section aria-labelledby="todo-title" className="todo card">
      <h2 id="todo-title">To Do</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loaded && rows.length === 0 && !error && (
        <p className="muted">Nothing to do. Flag a message to add it to this list.</p>
      )}
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <button
              className={`todo-item ${row.read ? '' : 'unread'}`}
              onClick={() => useRouteStore.getState().openMessage(row.id, row.archived ? 'archived' : 'inbox')}
            >
              <Icon name="flag" className="flag-mark" />
              <span className="todo-subject">{row.subject}</span>
              <span className="muted">{row.senderName}</span>
              <span className="muted todo-time">{listTime(row.sentAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
