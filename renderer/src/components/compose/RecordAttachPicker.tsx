// Attach a record: a patient's record and encounters, or any document of the practice.
import { useCallback } from 'react';
import { desktopApi } from '../../api/client.js';
import { encounterName } from '../../lib/record-names.js';
import type { PickedAttachment } from '../../lib/staging.js';
import { Typeahead } from '../common/Typeahead.js';

type RecordOption = PickedAttachment & { detail: string };
type Patient = { id: string; name: string };

async function findRecords(practiceId: string, patient: Patient | null, query: string): Promise<RecordOption[]> {
  const api = desktopApi();
  const q = query.toLowerCase();
  const options: RecordOption[] = [];
  if (patient) {
    const detail = await api.getPatient({ practiceId, patientId: patient.id }).catch(() => null);
    if (patient.name.toLowerCase().includes(q)) {
      options.push({ kind: 'patient', id: patient.id, name: patient.name, detail: 'Patient record' });
    }
    for (const e of detail?.encounters ?? []) {
      const name = `${encounterName(e.date)}: ${e.reason}`;
      if (name.toLowerCase().includes(q)) options.push({ kind: 'encounter', id: e.id, name, detail: e.providerName });
    }
  }
  if (query) {
    const { patients } = await api.searchPatients({ practiceId, query }).catch(() => ({ patients: [] }));
    for (const p of patients) {
      if (p.id !== patient?.id) options.push({ kind: 'patient', id: p.id, name: p.name, detail: 'Patient record' });
    }
  }
  const { documents } = await api
    .searchDocuments({ practiceId, query, patientId: query ? undefined : patient?.id })
    .catch(() => ({ documents: [] }));
  for (const d of documents) options.push({ kind: 'document', id: d.id, name: d.title, detail: 'Document' });
  return options.slice(0, 30);
}

interface Props {
  id: string;
  practiceId: string;
  /** The patient the message is about: their record and encounters are offered first. */
  patient: Patient | null;
  onPick(attachment: PickedAttachment): void;
}

export function RecordAttachPicker({ id, practiceId, patient, onPick }: Props) {
  const patientId = patient?.id;
  const patientName = patient?.name;
  const search = useCallback(
    (query: string) => findRecords(practiceId, patientId ? { id: patientId, name: patientName ?? '' } : null, query),
    [practiceId, patientId, patientName],
  );
  return (
    <Typeahead<RecordOption>
      id={id}
      label="Find a record"
      suggestionsLabel="Suggested records"
      placeholder="Encounter, patient record or document"
      search={search}
      optionKey={(o) => `${o.kind}-${o.id}`}
      optionLabel={(o) => o.name}
      optionDetail={(o) => o.detail}
      onPick={({ kind, id: refId, name }) => onPick({ kind, id: refId, name })}
    />
  );
}
