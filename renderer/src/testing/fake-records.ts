// The fake API's practice records: staff, patients, encounters and documents from the demo data.
import type { DesktopApi } from '../../../common/desktop/index.js';
import { DesktopCallError } from '../api/web-socket-client.js';
import type { Attachment } from '../lib/types.js';
import { DOCUMENTS, ENCOUNTERS, PATIENTS, STAFF } from './demo-data.js';

/** Turns attachment refs of a send into the message's attachments (files staged, or forwarded from a message). */
export const resolveAttachments = (
  practiceId: string,
  refs: { kind: string; id: string; fromMessageId?: string }[] | undefined,
  staged: Map<string, { name: string; mimeType: string; size: number }>,
  nextId: () => number,
  forwarded: (messageId: string, attachmentId: string) => Attachment | undefined = () => undefined,
): Attachment[] =>
  (refs ?? []).map((ref) => {
    if (ref.kind === 'file' && ref.fromMessageId) {
      const file = forwarded(ref.fromMessageId, ref.id);
      if (!file) throw new DesktopCallError('unknown_attachment', 'That attachment is no longer available to forward.');
      return file;
    }
    if (ref.kind === 'file') {
      const file = staged.get(ref.id);
      if (!file) throw new DesktopCallError('not_found', 'That attachment was not staged.');
      return { id: `att-${nextId()}`, kind: 'file', sha256: '0'.repeat(64), ...file };
    }
    const kind = ref.kind as 'encounter' | 'patient' | 'document';
    const name =
      kind === 'patient'
        ? (PATIENTS[practiceId]?.find((p) => p.id === ref.id)?.name ?? 'Patient')
        : kind === 'document'
          ? (DOCUMENTS[practiceId]?.find((d) => d.id === ref.id)?.title ?? 'Document')
          : `Encounter ${ENCOUNTERS.find((e) => e.id === ref.id)?.date ?? ''}`;
    return { id: `att-${nextId()}`, kind, refId: ref.id, name };
  });

type RecordMethods = Pick<
  DesktopApi,
  'getDocumentContent' | 'listStaff' | 'searchPatients' | 'getPatient' | 'getEncounter' | 'searchDocuments'
>;

export const fakeRecordMethods = (): RecordMethods => ({
  getDocumentContent: async ({ practiceId, documentId }) => {
    const d = DOCUMENTS[practiceId]?.find((x) => x.id === documentId);
    if (!d) throw new DesktopCallError('not_found', 'That document is not in this practice.');
    return { name: d.fileName, mimeType: d.mimeType, base64: btoa('Demo document') };
  },
  listStaff: async ({ practiceId, query }) => {
    const q = (query ?? '').toLowerCase();
    return { users: (STAFF[practiceId] ?? []).filter((u) => u.name.toLowerCase().includes(q)) };
  },
  searchPatients: async ({ practiceId, query }) => {
    const q = query.toLowerCase();
    const all = PATIENTS[practiceId] ?? [];
    return { patients: all.filter((p) => p.name.toLowerCase().includes(q) || p.mrn.toLowerCase().includes(q)) };
  },
  getPatient: async ({ practiceId, patientId }) => {
    const p = PATIENTS[practiceId]?.find((x) => x.id === patientId);
    if (!p) throw new DesktopCallError('not_found', 'That patient is not in this practice.');
    return {
      ...p,
      encounters: ENCOUNTERS.filter((e) => e.patientId === p.id),
      documents: (DOCUMENTS[practiceId] ?? []).filter((d) => d.patientId === p.id),
    };
  },
  getEncounter: async ({ encounterId }) => {
    const e = ENCOUNTERS.find((x) => x.id === encounterId);
    if (!e) throw new DesktopCallError('not_found', 'That encounter is not in this practice.');
    return e;
  },
  searchDocuments: async ({ practiceId, query, patientId }) => {
    const q = query.toLowerCase();
    const docs = (DOCUMENTS[practiceId] ?? []).filter(
      (d) => (!patientId || d.patientId === patientId) && `${d.title} ${d.fileName}`.toLowerCase().includes(q),
    );
    return { documents: docs };
  },
});
