// Unread counts per practice, kept current by the `unreadCount` event.
import { create } from 'zustand';
import type { UnreadCounts } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';

interface UnreadState {
  counts: UnreadCounts;
  load(): Promise<void>;
  set(counts: UnreadCounts): void;
  reset(): void;
}

const none: UnreadCounts = { total: 0, byPractice: {} };

export const useUnreadStore = create<UnreadState>()((set) => ({
  counts: none,
  load: async () => {
    const counts = await desktopApi()
      .getUnreadCounts({})
      .catch(() => null);
    if (counts) set({ counts });
  },
  set: (counts) => set({ counts }),
  reset: () => set({ counts: none }),
}));

/** Unread count of one practice (0 when unknown). */
export const useUnreadCount = (practiceId: string | null): number =>
  useUnreadStore((s) => (practiceId ? (s.counts.byPractice[practiceId] ?? 0) : 0));
