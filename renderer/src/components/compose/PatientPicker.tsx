// "Patient": an optional patient the message is about (searchPatients); the message links to the record.
import { useCallback } from 'react';
import type { PatientSummary } from '../../../../common/desktop/index.js';
import { desktopApi } from '../../api/client.js';
import { calendarDate } from '../../lib/format.js';
import { useComposeStore } from '../../stores/compose-store.js';
import { Chip } from '../common/Chip.js';
import { Typeahead } from '../common/Typeahead.js';

export function PatientPicker({ practiceId }: { practiceId: string }) {
  const patient = useComposeStore((s) => s.patient);
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
      />
      <div className="chips">{patient && <Chip label={patient.name} onRemove={() => update({ patient: null })} />}</div>
    </div>
  );
}
