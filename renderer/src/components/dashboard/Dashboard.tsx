// The Dashboard: Shortcuts (Messages with its unread count, and more) and the To Do list.
import { navigate } from '../../stores/route-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { UnreadCount } from '../common/UnreadCount.js';
import { TodoList } from './TodoList.js';
import './dashboard.css';

export function Dashboard({ practiceId }: { practiceId: string }) {
  const practiceName = useSessionStore((s) => s.session?.practices.find((p) => p.id === practiceId)?.name);
  return (
    <div className="screen dashboard">
      <div className="screen-header">
        <h1>Dashboard</h1>
        {practiceName && <span className="muted">{practiceName}</span>}
      </div>
      <section aria-labelledby="shortcuts-title" className="shortcuts">
        <h2 id="shortcuts-title">Shortcuts</h2>
        <ul>
          <li className="shortcut card">
            <button
              className="shortcut-button"
              onClick={() => navigate({ name: 'messages', folder: 'inbox', messageId: null })}
            >
              Messages
            </button>
            <UnreadCount practiceId={practiceId} />
          </li>
          <li className="shortcut card">
            <button className="shortcut-button" onClick={() => navigate({ name: 'documents', documentId: null })}>
              Find Documents
            </button>
          </li>
          <li className="shortcut card">
            <button className="shortcut-button" onClick={() => navigate({ name: 'settings' })}>
              Message Settings
            </button>
          </li>
        </ul>
      </section>
      <TodoList practiceId={practiceId} />
    </div>
  );
}
