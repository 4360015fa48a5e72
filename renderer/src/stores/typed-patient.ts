// A name typed in New Message's Patient field but not picked from the list: the one patient it matches is
// linked, or the reason it can't be is said beside the field. Nothing is dropped silently.
import { desktopApi } from '../api/client.js';

type Patient = { id: string; name: string };

export type TypedPatient = { patient: Patient } | { problem: string };

export async function resolveTypedPatient(practiceId: string, typed: string): Promise<TypedPatient> {
  const query = typed.trim();
  let found: { id: string; name: string; mrn: string }[];
  try {
    found = (await desktopApi().searchPatients({ practiceId, query })).patients;
  } catch {
    return {
      problem: `Patients can't be looked up right now, so "${query}" is not linked. Pick a patient from the list when it appears, or clear the Patient field.`,
    };
  }
  // "Ana Ruiz" picks Ana Ruiz even when "Ana Ruizova" exists too.
  const q = query.toLowerCase();
  const exact = found.filter((p) => p.name.toLowerCase() === q || p.mrn.toLowerCase() === q);
  const only = found.length === 1 ? found[0] : exact.length === 1 ? exact[0] : undefined;
  if (only) return { patient: { id: only.id, name: only.name } };
  if (found.length === 0) {
    return {
      problem: `No patient matches "${query}". Pick a patient from the list, or clear the Patient field to send without one.`,
    };
  }
  return { problem: `"${query}" matches ${found.length} patients. Pick the right one from the list.` };
}
