// Search over the cached messages of the current practice (works offline: the cache answers).
import { create } from 'zustand';
import type { SearchHit } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

interface SearchState {
  query: string;
  hits: SearchHit[];
  searching: boolean;
  error: string | null;
  run(practiceId: string, query: string): Promise<void>;
  reset(): void;
}

const empty = { query: '', hits: [], searching: false, error: null };

export const useSearchStore = create<SearchState>()((set, get) => ({
  ...empty,
  run: async (practiceId, query) => {
    const q = query.trim();
    set({ query: q, searching: q.length > 0, error: null, hits: q ? get().hits : [] });
    if (!q) return;
    try {
      const { hits } = await desktopApi().searchMessages({ practiceId, query: q, limit: 100 });
      if (get().query === q) set({ hits, searching: false });
    } catch (error) {
      if (get().query === q) set({ searching: false, error: errorMessage(error) });
    }
  },
  reset: () => set(empty),
}));
