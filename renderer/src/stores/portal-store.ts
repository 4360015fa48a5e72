// The Patient Portal queue of the current practice (one filter at a time), and the actions on a thread:
// claim, assign, release, close. Each action refreshes the queue and the open message.
import { create } from 'zustand';
import type { PortalThreadFilter, PortalThreadView } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorCode, errorMessage } from '../lib/errors.js';
import { useCurrentMessageStore } from './current-message-store.js';

export type PortalAction =
  { kind: 'claim'; takeOver?: boolean } | { kind: 'assign'; userId: string } | { kind: 'release' } | { kind: 'close' };

interface PortalState {
  practiceId: string | null;
  filter: PortalThreadFilter;
  threads: PortalThreadView[];
  loaded: boolean;
  error: string | null;
  show(practiceId: string, filter: PortalThreadFilter): Promise<void>;
  refresh(): Promise<void>;
  /** Runs an action on a thread; answers true, or the refusal (its code and sentence). */
  act(
    thread: Pick<PortalThreadView, 'practiceId' | 'threadId'>,
    action: PortalAction,
  ): Promise<true | { code: string; message: string }>;
  reset(): void;
}

const empty = { practiceId: null, filter: 'unassigned' as const, threads: [], loaded: false, error: null };

function call(thread: Pick<PortalThreadView, 'practiceId' | 'threadId'>, action: PortalAction) {
  const api = desktopApi();
  const { practiceId, threadId } = thread;
  switch (action.kind) {
    case 'claim':
      return api.claimPortalThread({ practiceId, threadId, ...(action.takeOver ? { takeOver: true } : {}) });
    case 'assign':
      return api.assignPortalThread({ practiceId, threadId, userId: action.userId });
    case 'release':
      return api.releasePortalThread({ practiceId, threadId });
    case 'close':
      return api.closePortalThread({ practiceId, threadId });
  }
}

export const usePortalStore = create<PortalState>()((set, get) => {
  const read = async () => {
    const { practiceId, filter } = get();
    if (!practiceId) return;
    try {
      const { threads } = await desktopApi().listPortalThreads({ practiceId, filter });
      if (get().practiceId === practiceId && get().filter === filter) set({ threads, loaded: true, error: null });
    } catch (error) {
      if (get().practiceId === practiceId && get().filter === filter) {
        set({ loaded: true, error: errorMessage(error) });
      }
    }
  };
  return {
    ...empty,
    show: async (practiceId, filter) => {
      const s = get();
      if (s.practiceId !== practiceId || s.filter !== filter) set({ ...empty, practiceId, filter });
      await read();
    },
    refresh: read,
    act: async (thread, action) => {
      try {
        await call(thread, action);
        return true;
      } catch (error) {
        return { code: errorCode(error), message: errorMessage(error) };
      } finally {
        await Promise.all([read(), useCurrentMessageStore.getState().refresh()]);
      }
    },
    reset: () => set(empty),
  };
});
