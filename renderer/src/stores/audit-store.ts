// The Audit view's filter and its pages of events (read from the practice server; online only).
import { create } from 'zustand';
import type { AuditEvent, AuditFilter } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';
import { offerDownload } from '../lib/files.js';

const PAGE = 100;

interface AuditState {
  filter: AuditFilter | null;
  events: AuditEvent[];
  cursor: string | null;
  more: boolean;
  loading: boolean;
  error: string | null;
  search(filter: AuditFilter): Promise<void>;
  loadMore(): Promise<void>;
  exportCsv(filter: AuditFilter): Promise<void>;
  reset(): void;
}

const empty = { filter: null, events: [], cursor: null, more: false, loading: false, error: null };

export const useAuditStore = create<AuditState>()((set, get) => {
  const page = async (filter: AuditFilter, after: string | null) => {
    set({ loading: true, error: null });
    try {
      const result = await desktopApi().listAuditEvents({ ...filter, ...(after ? { after } : {}), limit: PAGE });
      if (get().filter !== filter) return;
      set((s) => ({
        events: after ? [...s.events, ...result.events] : result.events,
        cursor: result.cursor,
        more: result.more,
        loading: false,
      }));
    } catch (error) {
      if (get().filter === filter) set({ loading: false, error: errorMessage(error) });
    }
  };
  return {
    ...empty,
    search: async (filter) => {
      set({ ...empty, filter });
      await page(filter, null);
    },
    loadMore: async () => {
      const { filter, cursor, more, loading } = get();
      if (filter && cursor && more && !loading) await page(filter, cursor);
    },
    exportCsv: async (filter) => {
      set({ error: null });
      try {
        offerDownload(await desktopApi().exportAuditCsv(filter));
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    reset: () => set(empty),
  };
});
