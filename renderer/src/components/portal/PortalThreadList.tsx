// The queue's conversations: patient, subject, how long they have waited, who answers, and pending/refused marks.
import type { PortalThreadView } from '../../../../common/desktop/index.js';
import { useNow } from '../../hooks/useNow.js';
import { waitedFor } from '../../lib/waited.js';
import { usePortalStore } from '../../stores/portal-store.js';
import { useSessionStore } from '../../stores/session-store.js';

interface Props {
  label: string;
  selectedId: string | null;
  onOpen(thread: PortalThreadView): void;
}

export function PortalThreadList({ label, selectedId, onOpen }: Props) {
  const threads = usePortalStore((s) => s.threads);
  const loaded = usePortalStore((s) => s.loaded);
  const error = usePortalStore((s) => s.error);
  const myId = useSessionStore((s) => s.session?.user?.id);
  const now = useNow();
  return (
    <div className="portal-list-scroll">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {loaded && !error && threads.length === 0 && <p className="empty-list muted">No conversations here.</p>}
      <ul className="portal-list" aria-label={label}>
        {threads.map((t) => {
          const owner = !t.owner ? 'Unassigned' : t.owner.id === myId ? 'You' : t.owner.name;
          return (
            <li key={t.threadId} className={`portal-row ${t.threadId === selectedId ? 'selected' : ''}`}>
              <button
                type="button"
                className="row-button"
                aria-current={t.threadId === selectedId ? 'true' : undefined}
                onClick={() => onOpen(t)}
              >
                <span className="row-line">
                  <span className="row-sender">{t.patient.name}</span>
                  <span className="portal-owner">{owner}</span>
                </span>
                <span className="row-line">
                  <span className="row-subject">{t.subject}</span>
                  {t.status === 'open' && t.waitingSince && (
                    <span className="waiting">Waiting {waitedFor(t.waitingSince, now)}</span>
                  )}
                  {t.pending && <span className="delivery pending">Pending</span>}
                  {t.problem && <span className="delivery failed">Not done</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
