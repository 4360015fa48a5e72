// An encounter, with "New Message" at the bottom to write a message linked to it.
import { useCallback } from 'react';
import { desktopApi } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import { calendarDate } from '../../lib/format.js';
import { encounterName } from '../../lib/record-names.js';
import { navigate } from '../../stores/route-store.js';
import { LoadState } from './LoadState.js';
import './records.css';

export function EncounterView({ practiceId, encounterId }: { practiceId: string; encounterId: string }) {
  const load = useCallback(async () => {
    const encounter = await desktopApi().getEncounter({ practiceId, encounterId });
    const patient = await desktopApi()
      .getPatient({ practiceId, patientId: encounter.patientId })
      .catch(() => null);
    return { encounter, patientName: patient?.name ?? null };
  }, [practiceId, encounterId]);
  const { data, error } = useLoad(load);
  if (!data) {
    return (
      <div className="screen">
        <LoadState error={error} what="the encounter" />
      </div>
    );
  }
  const { encounter, patientName } = data;
  const label = encounterName(encounter.date);
  return (
    <div className="screen record-view">
      <div className="screen-header">
        <h1>{label}</h1>
      </div>
      <section className="card record-card" aria-label="Encounter details">
        <dl className="details">
          <dt>Patient</dt>
          <dd>
            <button className="link" onClick={() => navigate({ name: 'patient', patientId: encounter.patientId })}>
              {patientName ?? 'Open patient'}
            </button>
          </dd>
          <dt>Date</dt>
          <dd>{calendarDate(encounter.date)}</dd>
          <dt>Provider</dt>
          <dd>{encounter.providerName}</dd>
          <dt>Reason</dt>
          <dd>{encounter.reason}</dd>
          <dt>Notes</dt>
          <dd className="notes">{encounter.notes}</dd>
        </dl>
      </section>
      <div className="actions bottom-actions">
        <button
          className="primary"
          onClick={() =>
            navigate({
              name: 'compose',
              link: { kind: 'encounter', id: encounter.id, label, patientId: encounter.patientId },
            })
          }
        >
          New Message
        </button>
      </div>
    </div>
  );
}
