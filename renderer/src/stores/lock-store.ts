// The idle lock: while locked, the app shows only the unlock form.
import { create } from 'zustand';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

interface LockState {
  locked: boolean;
  setLocked(locked: boolean): void;
  /** Resolves to an error sentence, or null when unlocked. */
  unlock(password: string): Promise<string | null>;
}

export const useLockStore = create<LockState>()((set) => ({
  locked: false,
  setLocked: (locked) => set({ locked }),
  unlock: async (password) => {
    try {
      const { unlocked } = await desktopApi().unlock({ password });
      if (!unlocked) return 'That password is not right. Please try again.';
      set({ locked: false });
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  },
}));
