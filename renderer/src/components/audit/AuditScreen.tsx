// The Audit view (practice admins): who did what and when, filtered by user, patient, message, action and
// time, with a CSV export. The trail lives on the practice server, so it needs a connection.
import { useEffect } from 'react';
import { useAuditStore } from '../../stores/audit-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { useIsOffline } from '../../stores/sync-store.js';
import { AuditFilters } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';
import './audit.css';

export function AuditScreen({ practiceId, messageId }: { practiceId: string; messageId: string | null }) {
  const offline = useIsOffline();
  const error = useAuditStore((s) => s.error);
  const practice = useSessionStore((s) => s.session?.practices.find((p) => p.id === practiceId));
  useEffect(() => {
    if (!offline) void useAuditStore.getState().search({ practiceId, ...(messageId ? { messageId } : {}) });
  }, [practiceId, messageId, offline]);

  return (
    <div className="screen audit">
      <div className="screen-header">
        <h1>Audit trail</h1>
        {practice && <span className="muted">{practice.name}</span>}
      </div>
      {practice?.role !== 'admin' ? (
        <p className="muted">Only a practice admin can see the audit trail.</p>
      ) : (
        <>
          <p className="hint">
            Every sign-in, message sent or read, download and change, with who did it and when. Entries name people and
            record numbers, never what a message says.
          </p>
          {offline && (
            <p className="notice" role="status">
              The audit trail is kept on the practice server. It shows again when you are back online.
            </p>
          )}
          <AuditFilters key={`${practiceId}-${messageId ?? ''}`} practiceId={practiceId} messageId={messageId} />
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          {!offline && <AuditTable />}
        </>
      )}
    </div>
  );
}
