// The New Message being written: recipients, patient, links, attachments; saved as a draft as you type.
import { create } from 'zustand';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';
import { stageLocalFile, tooLarge } from '../lib/staging.js';
import { fromDraft, toDraft, type ComposeAttachment, type ComposeFields } from './compose-draft.js';
import { forwardFields } from './forward-draft.js';
import type { ComposeLink } from './route-store.js';

export type { ComposeAttachment };

interface ComposeState extends ComposeFields {
  practiceId: string | null;
  ready: boolean;
  staging: number;
  attachError: string | null;
  sendError: string | null;
  sending: boolean;
  /** `forward`: start from that message's text and attachments instead of the saved draft. */
  open(practiceId: string, link: ComposeLink | null, forward?: string): Promise<void>;
  update(fields: Partial<ComposeFields>): void;
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
const idle = { practiceId: null, ready: false, staging: 0, attachError: null, sendError: null, sending: false };

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
      set({ ...fields, sendError: null });
      scheduleSave();
    },
    attachFile: async (file) => {
      // Refused before reading a byte, so an 11 MB file answers at once.
      const problem = tooLarge(file);
      if (problem) return set({ attachError: problem });
      set((s) => ({ attachError: null, staging: s.staging + 1 }));
      try {
        const attachment = await stageLocalFile(file);
        set((s) => ({ attachments: [...s.attachments, attachment] }));
        scheduleSave();
      } catch (error) {
        set({ attachError: errorMessage(error) });
      } finally {
        set((s) => ({ staging: s.staging - 1 }));
      }
    },
    attachRecord: (attachment) => {
      if (get().attachments.some((a) => a.kind === attachment.kind && a.id === attachment.id)) return;
      get().update({ attachments: [...get().attachments, attachment] });
    },
    removeAttachment: (index) => get().update({ attachments: get().attachments.filter((_, i) => i !== index) }),
    send: async () => {
      const s = get();
      if (!s.practiceId) return false;
      if (s.to.length === 0) return (set({ sendError: 'Add at least one recipient in To.' }), false);
      if (!s.subject.trim()) return (set({ sendError: 'Enter a subject.' }), false);
      set({ sending: true, sendError: null });
      try {
        await desktopApi().sendMessage({
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
        });
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
