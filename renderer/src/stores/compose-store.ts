// The New Message being written: recipients, patient, links, attachments; saved as a draft as you type.
import { create } from 'zustand';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';
import { stageWithProgress, tooLarge, type StagingProgress } from '../lib/staging.js';
import { BODY_LIMIT, overLimit, SUBJECT_LIMIT } from '../lib/text-limits.js';
import { fromDraft, toDraft, type ComposeAttachment, type ComposeFields } from './compose-draft.js';
import { forwardFields } from './forward-draft.js';
import type { ComposeLink } from './route-store.js';
import { whileSending } from './send-in-flight.js';
import { resolveTypedPatient } from './typed-patient.js';

export type { ComposeAttachment };

interface ComposeState extends ComposeFields {
  practiceId: string | null;
  ready: boolean;
  /** Files being read and staged, for the progress bars. */
  staging: StagingProgress[];
  attachError: string | null;
  /** Text in the Patient field that was not picked from the list, and why it could not be linked. */
  patientText: string;
  patientError: string | null;
  sendError: string | null;
  sending: boolean;
  /** `forward`: start from that message's text and attachments instead of the saved draft. */
  open(practiceId: string, link: ComposeLink | null, forward?: string): Promise<void>;
  update(fields: Partial<ComposeFields>): void;
  setPatientText(text: string): void;
  /** Links the one patient the typed text matches; false (with `patientError`) when it can't. */
  commitTypedPatient(): Promise<boolean>;
  attachFile(file: File): Promise<void>;
  attachRecord(attachment: ComposeAttachment): void;
  removeAttachment(index: number): void;
  send(): Promise<boolean>;
  discard(): Promise<void>;
  reset(): void;
}

export const DRAFT_SAVE_DELAY_MS = 400;

const blank: ComposeFields = {
  to: [],
  patient: null,
  link: null,
  subject: '',
  body: '',
  attachments: [],
  priority: 'normal',
};
const idle = {
  practiceId: null,
  ready: false,
  staging: [],
  attachError: null,
  patientText: '',
  patientError: null,
  sendError: null,
  sending: false,
};

let saveTimer: ReturnType<typeof setTimeout> | null = null;
let pendingSave: (() => Promise<unknown>) | null = null;

/** Writes a debounced draft now (before sending, discarding, or when the window goes away). */
export function flushDraft(): Promise<unknown> {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  const save = pendingSave;
  pendingSave = null;
  return save ? save().catch(() => undefined) : Promise.resolve();
}

export const useComposeStore = create<ComposeState>()((set, get) => {
  const scheduleSave = () => {
    const { practiceId, ready } = get();
    if (!practiceId || !ready) return;
    const draft = toDraft(get());
    pendingSave = () => desktopApi().saveDraft({ practiceId, draft });
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void flushDraft(), DRAFT_SAVE_DELAY_MS);
  };
  return {
    ...blank,
    ...idle,
    open: async (practiceId, link, forward) => {
      await flushDraft();
      set({ ...blank, ...idle, practiceId });
      let fields: ComposeFields = { ...blank };
      if (link) {
        const patientId = link.kind === 'patient' ? link.id : link.patientId;
        const patient = patientId
          ? await desktopApi()
              .getPatient({ practiceId, patientId })
              .then((p) => ({ id: p.id, name: p.name }))
              .catch(() => null)
          : null;
        fields = { ...blank, link: link.kind === 'patient' ? null : link, patient };
      } else if (forward) {
        fields = { ...blank, ...(await forwardFields(forward)) };
      } else {
        const draft = await desktopApi()
          .getDraft({ practiceId })
          .catch(() => null);
        if (draft) fields = await fromDraft(practiceId, draft);
      }
      if (get().practiceId !== practiceId) return;
      set({ ...fields, ready: true });
      if (link || forward) scheduleSave();
    },
    update: (fields) => {
      set({ ...fields, sendError: null, ...('patient' in fields ? { patientError: null } : {}) });
      scheduleSave();
    },
    setPatientText: (patientText) => set({ patientText, patientError: null }),
    commitTypedPatient: async () => {
      const { practiceId, patientText } = get();
      if (!practiceId || !patientText.trim()) return true;
      const typed = await resolveTypedPatient(practiceId, patientText);
      // Another commit (leaving the field, then Send) or more typing came meanwhile: the current text decides.
      if (get().patientText !== patientText) return get().commitTypedPatient();
      if ('problem' in typed) return (set({ patientError: typed.problem }), false);
      get().update({ patient: typed.patient });
      set({ patientText: '' });
      return true;
    },
    attachFile: async (file) => {
      // Refused before reading a byte, so an 11 MB file answers at once.
      const problem = tooLarge(file);
      if (problem) return set({ attachError: problem });
      set({ attachError: null });
      try {
        const attachment = await stageWithProgress(file, (change) => set((s) => ({ staging: change(s.staging) })));
        set((s) => ({ attachments: [...s.attachments, attachment] }));
        scheduleSave();
      } catch (error) {
        set({ attachError: errorMessage(error) });
      }
    },
    attachRecord: (attachment) => {
      if (get().attachments.some((a) => a.kind === attachment.kind && a.id === attachment.id)) return;
      get().update({ attachments: [...get().attachments, attachment] });
    },
    removeAttachment: (index) => get().update({ attachments: get().attachments.filter((_, i) => i !== index) }),
    send: async () => {
      const before = get();
      if (!before.practiceId || before.sending) return false;
      if (before.to.length === 0) return (set({ sendError: 'Add at least one recipient in To.' }), false);
      if (!before.subject.trim()) return (set({ sendError: 'Enter a subject.' }), false);
      const tooLong = overLimit(before.subject.trim(), SUBJECT_LIMIT) ?? overLimit(before.body, BODY_LIMIT);
      if (tooLong) return (set({ sendError: tooLong }), false);
      set({ sending: true, sendError: null });
      if (!(await get().commitTypedPatient())) {
        set({ sending: false, sendError: 'Check the Patient field: the patient typed there is not linked.' });
        return false;
      }
      const s = { ...get(), practiceId: before.practiceId };
      try {
        const request = {
          practiceId: s.practiceId,
          to: s.to.map((u) => u.id),
          subject: s.subject.trim(),
          body: s.body,
          patientId: s.patient?.id,
          encounterId: s.link?.kind === 'encounter' ? s.link.id : undefined,
          documentId: s.link?.kind === 'document' ? s.link.id : undefined,
          attachments: s.attachments.map(({ kind, id, fromMessageId }) => ({
            kind,
            id,
            ...(fromMessageId ? { fromMessageId } : {}),
          })),
          ...(s.priority === 'urgent' ? { priority: s.priority } : {}),
        };
        await whileSending(() => desktopApi().sendMessage(request));
        pendingSave = null;
        await flushDraft();
        await desktopApi()
          .saveDraft({ practiceId: s.practiceId, draft: null })
          .catch(() => undefined);
        set({ ...blank, sending: false });
        return true;
      } catch (error) {
        set({ sending: false, sendError: errorMessage(error) });
        return false;
      }
    },
    discard: async () => {
      const practiceId = get().practiceId;
      pendingSave = null;
      await flushDraft();
      set({ ...blank, attachError: null, sendError: null });
      if (practiceId) await desktopApi().saveDraft({ practiceId, draft: null });
    },
    reset: () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      pendingSave = null;
      set({ ...blank, ...idle });
    },
  };
});
