// "Patient": an optional patient the message is about (searchPatients); the message links to the record.
// A name typed but not picked is linked when it matches one patient, else the field says why it isn't.
import { useCallback } from 'react';
import type { PatientSummary } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { calendarDate } from '../../lib/format.js';
import { useComposeStore } from '../../stores/compose-store.js';
import { Chip } from '../common/Chip.js';
import { Typeahead } from '../common/Typeahead.js';

const ERROR_ID = 'compose-patient-error';

export function PatientPicker({ practiceId }: { practiceId: string }) {
  const patient = useComposeStore((s) => s.patient);
  const patientText = useComposeStore((s) => s.patientText);
  const patientError = useComposeStore((s) => s.patientError);
  const update = useComposeStore((s) => s.update);
  const search = useCallback(
    async (query: string) => (query ? (await desktopApi().searchPatients({ practiceId, query })).patients : []),
    [practiceId],
  );
  return (
    <div className="field">
      <Typeahead<PatientSummary>
        id="compose-patient"
        label="Patient"
        suggestionsLabel="Suggested patients"
        placeholder={patient ? 'Change patient' : 'Optional: name or MRN'}
        search={search}
        optionKey={(p) => p.id}
        optionLabel={(p) => p.name}
        optionDetail={(p) => `${p.mrn} · born ${calendarDate(p.dateOfBirth)}`}
        onPick={(p) => update({ patient: { id: p.id, name: p.name } })}
        text={patientText}
        onTextChange={(text) => useComposeStore.getState().setPatientText(text)}
        onBlur={() => void useComposeStore.getState().commitTypedPatient()}
        describedBy={patientError ? ERROR_ID : undefined}
        invalid={patientError !== null}
      />
      {patientError && (
        <p id={ERROR_ID} role="alert" className="error">
          {patientError}
        </p>
      )}
      <div className="chips">{patient && <Chip label={patient.name} onRemove={() => update({ patient: null })} />}</div>
    </div>
  );
}
