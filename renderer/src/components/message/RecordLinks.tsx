// Links to the patient, encounter or document a message refers to; each opens its view.
import type { Message } from '../../lib/types.js';
import { calendarDate } from '../../lib/format.js';
import { navigate } from '../../stores/route-store.js';

export function RecordLinks({ message }: { message: Message }) {
  const { patient, encounter, document } = message;
  if (!patient && !encounter && !document) return null;
  return (
    <ul className="record-links" aria-label="Referenced records">
      {patient && (
        <li>
          <span className="muted">Patient</span>{' '}
          <button className="link" onClick={() => navigate({ name: 'patient', patientId: patient.id })}>
            {patient.name}
          </button>
        </li>
      )}
      {encounter && (
        <li>
          <span className="muted">Encounter</span>{' '}
          <button className="link" onClick={() => navigate({ name: 'encounter', encounterId: encounter.id })}>
            {calendarDate(encounter.date)}
          </button>
        </li>
      )}
      {document && (
        <li>
          <span className="muted">Document</span>{' '}
          <button className="link" onClick={() => navigate({ name: 'documents', documentId: document.id, open: true })}>
            {document.title}
          </button>
        </li>
      )}
    </ul>
  );
}
