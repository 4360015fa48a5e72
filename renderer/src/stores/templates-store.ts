// Quick-text templates of the current practice (practice-wide and the user's own), for the pickers and
// Message Settings; saves and deletes go through the engine (queued when offline).
import { create } from 'zustand';
import type { DesktopArgs, TemplateView } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

type TemplateBody = DesktopArgs<'saveTemplate'>['template'];

interface TemplatesState {
  practiceId: string | null;
  templates: TemplateView[];
  loaded: boolean;
  error: string | null;
  load(practiceId: string): Promise<void>;
  refresh(): Promise<void>;
  /** Creates (no id) or updates a template; false with `error` set when refused. */
  save(template: TemplateBody, templateId?: string): Promise<boolean>;
  remove(templateId: string): Promise<boolean>;
  reset(): void;
}

const empty = { practiceId: null, templates: [], loaded: false, error: null };

/** One empty list: a selector returning a new [] on each read would re-render without end (React warns). */
const NO_TEMPLATES: TemplateView[] = [];

/** Selects the templates of `practiceId`, or none while another practice's are held. */
export const templatesOf =
  (practiceId: string) =>
  (s: TemplatesState): TemplateView[] =>
    s.practiceId === practiceId ? s.templates : NO_TEMPLATES;

export const useTemplatesStore = create<TemplatesState>()((set, get) => {
  const read = async (practiceId: string) => {
    try {
      const { templates } = await desktopApi().listTemplates({ practiceId });
      if (get().practiceId === practiceId) set({ templates, loaded: true, error: null });
    } catch (error) {
      if (get().practiceId === practiceId) set({ loaded: true, error: errorMessage(error) });
    }
  };
  const change = async (work: (practiceId: string) => Promise<unknown>) => {
    const practiceId = get().practiceId;
    if (!practiceId) return false;
    set({ error: null });
    try {
      await work(practiceId);
      await read(practiceId);
      return true;
    } catch (error) {
      set({ error: errorMessage(error) });
      return false;
    }
  };
  return {
    ...empty,
    load: async (practiceId) => {
      if (get().practiceId !== practiceId) set({ ...empty, practiceId });
      await read(practiceId);
    },
    refresh: async () => {
      const practiceId = get().practiceId;
      if (practiceId) await read(practiceId);
    },
    save: (template, templateId) =>
      change((practiceId) => desktopApi().saveTemplate({ practiceId, template, templateId })),
    remove: (templateId) => change((practiceId) => desktopApi().deleteTemplate({ practiceId, templateId })),
    reset: () => set(empty),
  };
});
