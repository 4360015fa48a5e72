// The audit events as a table, oldest first, with links to the message or patient an event names.
import { AUDIT_ACTION_LABELS } from '../../lib/audit-labels.js';
import { fullTime } from '../../lib/format.js';
import { useAuditStore } from '../../stores/audit-store.js';
import { navigate, useRouteStore } from '../../stores/route-store.js';

export function AuditTable() {
  const events = useAuditStore((s) => s.events);
  const more = useAuditStore((s) => s.more);
  const loading = useAuditStore((s) => s.loading);
  const searched = useAuditStore((s) => s.filter !== null);
  if (searched && !loading && events.length === 0) return <p className="muted">Nothing matches this filter.</p>;
  return (
    <div className="audit-results">
      <table className="audit-table">
        <caption className="visually-hidden">Audit events, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Message</th>
            <th scope="col">Patient</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-row">
              <td>
                <time dateTime={e.at}>{fullTime(e.at)}</time>
              </td>
              <td>{e.actor ? `${e.actor.name}${e.actor.kind === 'patient' ? ' (patient)' : ''}` : '—'}</td>
              <td>{AUDIT_ACTION_LABELS[e.action]}</td>
              <td>
                {e.messageId && (
                  <button
                    type="button"
                    className="link"
                    title={`Message ${e.messageId}`}
                    onClick={() => useRouteStore.getState().openMessage(e.messageId!)}
                  >
                    Open message
                  </button>
                )}
              </td>
              <td>
                {e.patientId && (
                  <button
                    type="button"
                    className="link"
                    title={`Patient ${e.patientId}`}
                    onClick={() => navigate({ name: 'patient', patientId: e.patientId! })}
                  >
                    Open record
                  </button>
                )}
              </td>
              <td className="muted">{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {loading && <p className="muted">Loading…</p>}
      {more && !loading && (
        <button type="button" onClick={() => void useAuditStore.getState().loadMore()}>
          Show more
        </button>
      )}
    </div>
  );
}
