// Attach a record: a patient's record and encounters, or any document of the practice. On a reply to a
// Patient Portal thread, only that thread's patient's records: the patient sees what is attached.
import { useCallback } from 'react';
import { desktopApi } from '../../api/client.js';
import { encounterName } from '../../lib/record-names.js';
import type { PickedAttachment } from '../../lib/staging.js';
import { Typeahead } from '../common/Typeahead.js';

type RecordOption = PickedAttachment & { detail: string };
type Patient = { id: string; name: string };

/** The patient's own record, encounters and documents that match the query. */
async function patientRecords(practiceId: string, patient: Patient, q: string): Promise<RecordOption[]> {
  const detail = await desktopApi()
    .getPatient({ practiceId, patientId: patient.id })
    .catch(() => null);
  const options: RecordOption[] = [];
  if (patient.name.toLowerCase().includes(q)) {
    options.push({ kind: 'patient', id: patient.id, name: patient.name, detail: 'Patient record' });
  }
  for (const e of detail?.encounters ?? []) {
    const name = `${encounterName(e.date)}: ${e.reason}`;
    if (name.toLowerCase().includes(q)) options.push({ kind: 'encounter', id: e.id, name, detail: e.providerName });
  }
  for (const d of detail?.documents ?? []) {
    if (d.patientId === patient.id && `${d.title} ${d.fileName}`.toLowerCase().includes(q)) {
      options.push({ kind: 'document', id: d.id, name: d.title, detail: 'Document' });
    }
  }
  return options;
}

async function findRecords(practiceId: string, patient: Patient | null, query: string): Promise<RecordOption[]> {
  const api = desktopApi();
  const options = patient ? await patientRecords(practiceId, patient, query.toLowerCase()) : [];
  const offered = new Set(options.map((o) => `${o.kind}-${o.id}`));
  if (query) {
    const { patients } = await api.searchPatients({ practiceId, query }).catch(() => ({ patients: [] }));
    for (const p of patients) {
      if (p.id !== patient?.id) options.push({ kind: 'patient', id: p.id, name: p.name, detail: 'Patient record' });
    }
  }
  const { documents } = await api
    .searchDocuments({ practiceId, query, patientId: query ? undefined : patient?.id })
    .catch(() => ({ documents: [] }));
  for (const d of documents) {
    if (!offered.has(`document-${d.id}`))
      options.push({ kind: 'document', id: d.id, name: d.title, detail: 'Document' });
  }
  return options.slice(0, 30);
}

interface Props {
  id: string;
  practiceId: string;
  /** The patient the message is about: their record and encounters are offered first. */
  patient: Patient | null;
  /** Offer nothing but `patient`'s own records (a reply the patient will read in the portal). */
  onlyThisPatient?: boolean;
  onPick(attachment: PickedAttachment): void;
}

export function RecordAttachPicker({ id, practiceId, patient, onlyThisPatient = false, onPick }: Props) {
  const patientId = patient?.id;
  const patientName = patient?.name;
  const search = useCallback(
    (query: string) => {
      const known = patientId ? { id: patientId, name: patientName ?? '' } : null;
      if (!onlyThisPatient) return findRecords(practiceId, known, query);
      return known ? patientRecords(practiceId, known, query.toLowerCase()) : Promise.resolve([]);
    },
    [practiceId, patientId, patientName, onlyThisPatient],
  );
  return (
    <Typeahead<RecordOption>
      id={id}
      label="Find a record"
      suggestionsLabel="Suggested records"
      placeholder={
        onlyThisPatient ? `${patientName ?? 'This patient'}'s records` : 'Encounter, patient record or document'
      }
      search={search}
      optionKey={(o) => `${o.kind}-${o.id}`}
      optionLabel={(o) => o.name}
      optionDetail={(o) => o.detail}
      onPick={({ kind, id: refId, name }) => onPick({ kind, id: refId, name })}
    />
  );
}
