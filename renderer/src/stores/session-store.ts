// Who is signed in, to which server, and which of their practices is current.
import { create } from 'zustand';
import type { SessionInfo } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

interface SessionState {
  status: 'loading' | 'ready' | 'failed';
  session: SessionInfo | null;
  practiceId: string | null;
  loadError: string | null;
  load(): Promise<void>;
  signIn(input: { serverUrl: string; email: string; password: string }): Promise<void>;
  signOut(): Promise<void>;
  selectPractice(practiceId: string): void;
  /** Re-reads the session (the user's role in each practice arrives with the directory, after sign-in). */
  refreshRoles(): Promise<void>;
}

/** The last practice used if it is still one of the user's, else the first. */
async function pickPractice(session: SessionInfo): Promise<string | null> {
  if (!session.signedIn || session.practices.length === 0) return null;
  const prefs = await desktopApi()
    .getPreferences({})
    .catch(() => null);
  const last = prefs?.lastPracticeId;
  return session.practices.some((p) => p.id === last) ? (last ?? null) : (session.practices[0]?.id ?? null);
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'loading',
  session: null,
  practiceId: null,
  loadError: null,
  load: async () => {
    try {
      const session = await desktopApi().getSession({});
      set({ session, practiceId: await pickPractice(session), status: 'ready', loadError: null });
    } catch (error) {
      set({ status: 'failed', loadError: errorMessage(error) });
    }
  },
  signIn: async (input) => {
    // Errors propagate: the sign-in form shows them.
    const session = await desktopApi().signIn(input);
    set({ session, practiceId: await pickPractice(session), status: 'ready' });
  },
  signOut: async () => {
    await desktopApi().signOut({});
    set((s) => ({
      session: s.session ? { ...s.session, signedIn: false, user: null, practices: [] } : null,
      practiceId: null,
    }));
  },
  refreshRoles: async () => {
    const session = await desktopApi()
      .getSession({})
      .catch(() => null);
    if (session?.signedIn) set({ session });
  },
  selectPractice: (practiceId) => {
    set({ practiceId });
    void desktopApi()
      .savePreferences({ lastPracticeId: practiceId })
      .catch(() => undefined);
  },
}));

/** The current practice id; screens that need one only render when it is set. */
export const currentPracticeId = (): string | null => useSessionStore.getState().practiceId;
