// Connection and sync state (offline banner, initial-sync progress) and the outbox of unsent work.
import { create } from 'zustand';
import type { OutboxItem, SyncStatus } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

interface SyncState {
  status: SyncStatus | null;
  outbox: OutboxItem[];
  outboxError: string | null;
  load(): Promise<void>;
  setStatus(status: SyncStatus): void;
  loadOutbox(): Promise<void>;
  retry(id: number): Promise<void>;
  /** Takes back a send still waiting; the engine refuses (with its reason) once it may have reached the server. */
  cancel(item: Pick<OutboxItem, 'id' | 'messageId'>): Promise<void>;
  reset(): void;
}

export const useSyncStore = create<SyncState>()((set, get) => ({
  status: null,
  outbox: [],
  outboxError: null,
  load: async () => {
    const status = await desktopApi()
      .getSyncStatus({})
      .catch(() => null);
    if (status) set({ status });
    await get().loadOutbox();
  },
  setStatus: (status) => {
    const before = get().status?.pendingOutbox;
    set({ status });
    if (before !== status.pendingOutbox) void get().loadOutbox();
  },
  loadOutbox: async () => {
    try {
      const { items } = await desktopApi().getOutbox({});
      set({ outbox: items, outboxError: null });
    } catch (error) {
      set({ outboxError: errorMessage(error) });
    }
  },
  retry: async (id) => {
    try {
      await desktopApi().retryOutboxItem({ id });
      await get().loadOutbox();
    } catch (error) {
      set({ outboxError: errorMessage(error) });
    }
  },
  cancel: async ({ id, messageId }) => {
    const refused = await desktopApi()
      .cancelOutboxItem({ id, messageId: messageId ?? '' })
      .then(() => null, errorMessage);
    await get().loadOutbox();
    if (refused) set({ outboxError: refused });
  },
  reset: () => set({ status: null, outbox: [], outboxError: null }),
}));

export const useIsOffline = () => useSyncStore((s) => s.status?.state === 'offline');
