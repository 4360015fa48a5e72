// Unsent work: the messages you sent that wait to be delivered (each named, each can be cancelled until
// it is on its way), what the server refused (its reason and Retry), and other changes still to go.
import { useEffect } from 'react';
import type { OutboxItem } from '../../../../common/desktop/index.js';
import { fullTime } from '../../lib/format.js';
import { useSyncStore } from '../../stores/sync-store.js';
import './outbox.css';

function OutboxEntry({ item }: { item: OutboxItem }) {
  const { retry, cancel } = useSyncStore.getState();
  return (
    <li className={`card outbox-item ${item.status}`}>
      <div>
        <strong>{item.description}</strong>
        <div className="muted">{fullTime(item.createdAt)}</div>
        {item.status === 'failed' && <p className="error">Not sent: {item.error ?? 'the server refused it.'}</p>}
      </div>
      <div className="actions">
        {item.status === 'pending' ? (
          <span className="delivery pending">Pending</span>
        ) : (
          <button onClick={() => void retry(item.id)}>Retry</button>
        )}
        {item.cancellable && (
          <button aria-label={`Cancel ${item.description}`} onClick={() => void cancel(item)}>
            Cancel
          </button>
        )}
      </div>
    </li>
  );
}

export function OutboxScreen() {
  const items = useSyncStore((s) => s.outbox);
  const error = useSyncStore((s) => s.outboxError);
  useEffect(() => {
    void useSyncStore.getState().loadOutbox();
  }, []);
  const sends = items.filter((i) => i.kind === 'send');
  const others = items.filter((i) => i.kind !== 'send');
  return (
    <div className="screen outbox">
      <div className="screen-header">
        <h1>Outbox</h1>
        <span className="muted">Waiting to send</span>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {sends.length === 0 && <p className="muted">Every message you sent has been delivered.</p>}
      <ul className="outbox-list" aria-label="Messages waiting to be sent">
        {sends.map((item) => (
          <OutboxEntry key={item.id} item={item} />
        ))}
      </ul>
      {others.length > 0 && (
        <section aria-labelledby="outbox-other-title" className="outbox-other">
          <h2 id="outbox-other-title">Other changes to send</h2>
          <p className="hint">Read, flag, archive and settings changes go to the server with your messages.</p>
          <ul className="outbox-list">
            {others.map((item) => (
              <OutboxEntry key={item.id} item={item} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
