// Unsent work: what is waiting to be delivered, and what the server refused (with its reason and a retry).
import { useEffect } from 'react';
import { fullTime } from '../../lib/format.js';
import { useSyncStore } from '../../stores/sync-store.js';
import './outbox.css';

export function OutboxScreen() {
  const items = useSyncStore((s) => s.outbox);
  const error = useSyncStore((s) => s.outboxError);
  useEffect(() => {
    void useSyncStore.getState().loadOutbox();
  }, []);
  return (
    <div className="screen outbox">
      <div className="screen-header">
        <h1>Waiting to send</h1>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {items.length === 0 && <p className="muted">Everything has been delivered.</p>}
      <ul className="outbox-list">
        {items.map((item) => (
          <li key={item.id} className={`card outbox-item ${item.status}`}>
            <div>
              <strong>{item.description}</strong>
              <div className="muted">{fullTime(item.createdAt)}</div>
              {item.status === 'failed' && <p className="error">Not sent: {item.error ?? 'the server refused it.'}</p>}
            </div>
            {item.status === 'pending' ? (
              <span className="delivery pending">Pending</span>
            ) : (
              <button onClick={() => void useSyncStore.getState().retry(item.id)}>Retry</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
