// The Dashboard: Shortcuts (Messages with its unread count, and more) and the To Do list.
import { navigate } from '../../stores/route-store.js';
import { UnreadCount } from '../common/UnreadCount.js';
import { TodoList } from './TodoList.js';
import './dashboard.css';

export function Dashboard({ practiceId }: { practiceId: string }) {
  return (
    <div className="screen dashboard">
      <h1 className="visually-hidden">Dashboard</h1>
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
