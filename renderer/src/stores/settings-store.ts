// Message Settings: the practice-specific options and this app's own preferences, saved together.
import { create } from 'zustand';
import type { PracticeSettings, Preferences } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

interface SettingsState {
  practiceId: string | null;
  practice: PracticeSettings | null;
  preferences: Preferences | null;
  /** False when the practice server can't send email alerts; null when unknown (asked after the settings). */
  emailAlerts: boolean | null;
  loading: boolean;
  error: string | null;
  saved: boolean;
  saving: boolean;
  load(practiceId: string): Promise<void>;
  save(practice: PracticeSettings, preferences: Partial<Preferences>): Promise<boolean>;
  reset(): void;
}

const empty = {
  practiceId: null,
  practice: null,
  preferences: null,
  emailAlerts: null,
  loading: false,
  error: null,
  saved: false,
  saving: false,
};

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  ...empty,
  load: async (practiceId) => {
    set({ ...empty, practiceId, loading: true });
    try {
      const [practice, preferences] = await Promise.all([
        desktopApi().getPracticeSettings({ practiceId }),
        desktopApi().getPreferences({}),
      ]);
      if (get().practiceId === practiceId) set({ practice, preferences, loading: false });
      // Asked of the server live, so it never holds up the form (offline: unknown, nothing is said).
      const features = await desktopApi()
        .getServerFeatures({})
        .catch(() => null);
      if (get().practiceId === practiceId) set({ emailAlerts: features?.emailAlerts ?? null });
    } catch (error) {
      if (get().practiceId === practiceId) set({ loading: false, error: errorMessage(error) });
    }
  },
  save: async (practice, preferences) => {
    const practiceId = get().practiceId;
    if (!practiceId) return false;
    set({ saving: true, saved: false, error: null });
    try {
      const [savedPractice, savedPrefs] = await Promise.all([
        desktopApi().savePracticeSettings({ practiceId, settings: practice }),
        desktopApi().savePreferences(preferences),
      ]);
      set({ practice: savedPractice, preferences: savedPrefs, saving: false, saved: true });
      return true;
    } catch (error) {
      set({ saving: false, error: errorMessage(error) });
      return false;
    }
  },
  reset: () => set(empty),
}));
