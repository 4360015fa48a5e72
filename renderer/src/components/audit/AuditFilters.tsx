// The Audit view's filter: user, patient, message, action and dates; Show and Export CSV.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  AuditAction,
  type AuditFilter,
  type PatientSummary,
  type StaffUser,
} from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { AUDIT_ACTION_LABELS } from '../../lib/audit-labels.js';
import { useAuditStore } from '../../stores/audit-store.js';
import { useIsOffline } from '../../stores/sync-store.js';
import { Chip } from '../common/Chip.js';
import { Typeahead } from '../common/Typeahead.js';

/** A `date` input's day as the UTC instant of its local midnight (`plusDays` 1: the end of that day). */
const dayStart = (value: string, plusDays = 0): string | undefined => {
  if (!value) return undefined;
  const d = new Date(`${value}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

export function AuditFilters({ practiceId, messageId }: { practiceId: string; messageId: string | null }) {
  const offline = useIsOffline();
  const [staff, setStaff] = useState<StaffUser[]>([]);
  const [userId, setUserId] = useState('');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [message, setMessage] = useState(messageId ?? '');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  useEffect(() => {
    void desktopApi()
      .listStaff({ practiceId })
      .then(({ users }) => setStaff(users))
      .catch(() => setStaff([]));
  }, [practiceId]);
  const searchPatients = useCallback(
    async (query: string) => (await desktopApi().searchPatients({ practiceId, query })).patients,
    [practiceId],
  );

  const filter = (): AuditFilter => {
    const parsedAction = AuditAction.safeParse(action);
    return {
      practiceId,
      ...(userId ? { userId } : {}),
      ...(patient ? { patientId: patient.id } : {}),
      ...(message.trim() ? { messageId: message.trim() } : {}),
      ...(parsedAction.success ? { action: parsedAction.data } : {}),
      ...(dayStart(from) ? { from: dayStart(from) } : {}),
      ...(dayStart(to, 1) ? { to: dayStart(to, 1) } : {}),
    };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void useAuditStore.getState().search(filter());
  };

  return (
    <form className="audit-filters card" aria-label="Filter the audit trail" onSubmit={submit}>
      <div className="field">
        <label htmlFor="audit-user">User</label>
        <select id="audit-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Anyone</option>
          {staff.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        {patient ? (
          <>
            <span className="field-label">Patient</span>
            <Chip label={patient.name} detail={patient.mrn} onRemove={() => setPatient(null)} />
          </>
        ) : (
          <Typeahead<PatientSummary>
            id="audit-patient"
            label="Patient"
            suggestionsLabel="Matching patients"
            placeholder="Name or MRN"
            search={searchPatients}
            optionKey={(p) => p.id}
            optionLabel={(p) => p.name}
            optionDetail={(p) => p.mrn}
            onPick={setPatient}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="audit-message">Message number</label>
        <input id="audit-message" type="text" value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">Any action</option>
          {AuditAction.options.map((a) => (
            <option key={a} value={a}>
              {AUDIT_ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={offline}>
          Show
        </button>
        <button type="button" disabled={offline} onClick={() => void useAuditStore.getState().exportCsv(filter())}>
          Export CSV
        </button>
      </div>
    </form>
  );
}
