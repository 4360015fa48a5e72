// A New Message as saved between sessions: the draft holds ids only, so names are looked up again.
import type { Draft, PatientSummary, Priority, StaffUser } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { encounterName } from '../lib/record-names.js';
import type { ComposeLink } from './route-store.js';

export type ComposeAttachment = Draft['attachments'][number];
type Patient = Pick<PatientSummary, 'id' | 'name'>;

export interface ComposeFields {
  to: StaffUser[];
  patient: Patient | null;
  link: ComposeLink | null;
  subject: string;
  body: string;
  attachments: ComposeAttachment[];
  priority: Priority;
}

export function toDraft(f: ComposeFields): Draft {
  return {
    to: f.to.map((u) => u.id),
    patientId: f.patient?.id ?? null,
    encounterId: f.link?.kind === 'encounter' ? f.link.id : null,
    documentId: f.link?.kind === 'document' ? f.link.id : null,
    subject: f.subject,
    body: f.body,
    attachments: f.attachments,
    priority: f.priority,
  };
}

/** Rebuilds names for a saved draft, which stores ids only. */
export async function fromDraft(practiceId: string, draft: Draft): Promise<ComposeFields> {
  const api = desktopApi();
  const staff = await api.listStaff({ practiceId }).catch(() => ({ users: [] as StaffUser[] }));
  const to = draft.to.map((id) => staff.users.find((u) => u.id === id) ?? { id, name: id, role: '' });
  const patient = draft.patientId
    ? await api
        .getPatient({ practiceId, patientId: draft.patientId })
        .then((p) => ({ id: p.id, name: p.name }))
        .catch(() => ({ id: draft.patientId ?? '', name: 'Linked patient' }))
    : null;
  let link: ComposeLink | null = null;
  if (draft.encounterId) {
    const e = await api.getEncounter({ practiceId, encounterId: draft.encounterId }).catch(() => null);
    link = {
      kind: 'encounter',
      id: draft.encounterId,
      label: e ? encounterName(e.date) : 'Encounter',
      patientId: e?.patientId ?? '',
    };
  } else if (draft.documentId) {
    const { documents } = await api.searchDocuments({ practiceId, query: '' }).catch(() => ({ documents: [] }));
    const d = documents.find((x) => x.id === draft.documentId);
    link = { kind: 'document', id: draft.documentId, label: d?.title ?? 'Document', patientId: d?.patientId ?? null };
  }
  const { subject, body, attachments } = draft;
  return { to, patient, link, subject, body, attachments, priority: draft.priority ?? 'normal' };
}
