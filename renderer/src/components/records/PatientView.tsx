// A patient's record: demographics, encounters and documents, each opening its own view.
import { useCallback } from 'react';
import { desktopApi } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import { calendarDate } from '../../lib/format.js';
import { navigate } from '../../stores/route-store.js';
import { LoadState } from './LoadState.js';
import './records.css';

export function PatientView({ practiceId, patientId }: { practiceId: string; patientId: string }) {
  const load = useCallback(() => desktopApi().getPatient({ practiceId, patientId }), [practiceId, patientId]);
  const { data: patient, error } = useLoad(load);
  if (!patient) {
    return (
      <div className="screen">
        <LoadState error={error} what="the patient" />
      </div>
    );
  }
  return (
    <div className="screen record-view">
      <div className="screen-header">
        <h1>{patient.name}</h1>
        <span className="muted">Patient</span>
      </div>
      <section className="card record-card" aria-labelledby="demographics-title">
        <h2 id="demographics-title">Demographics</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{patient.name}</dd>
          <dt>Date of birth</dt>
          <dd>{calendarDate(patient.dateOfBirth)}</dd>
          <dt>MRN</dt>
          <dd>{patient.mrn}</dd>
        </dl>
      </section>
      <section className="card record-card" aria-labelledby="encounters-title">
        <h2 id="encounters-title">Encounters</h2>
        {patient.encounters.length === 0 && <p className="muted">No encounters.</p>}
        <ul className="record-list">
          {patient.encounters.map((e) => (
            <li key={e.id}>
              <button className="link" onClick={() => navigate({ name: 'encounter', encounterId: e.id })}>
                {calendarDate(e.date)}
              </button>
              <span>{e.reason}</span>
              <span className="muted">{e.providerName}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card record-card" aria-labelledby="documents-title">
        <h2 id="documents-title">Documents</h2>
        {patient.documents.length === 0 && <p className="muted">No documents.</p>}
        <ul className="record-list">
          {patient.documents.map((d) => (
            <li key={d.id}>
              <button className="link" onClick={() => navigate({ name: 'documents', documentId: d.id, open: true })}>
                {d.title}
              </button>
              <span className="muted">{d.fileName}</span>
            </li>
          ))}
        </ul>
      </section>
      <div className="actions bottom-actions">
        <button
          className="primary"
          onClick={() => navigate({ name: 'compose', link: { kind: 'patient', id: patient.id, label: patient.name } })}
        >
          New Message
        </button>
        <span className="muted">A message to staff about this patient.</span>
      </div>
    </div>
  );
}
