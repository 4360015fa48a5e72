// The message list of one folder: rows loaded page by page (keyset cursor) as the user scrolls.
import { create } from 'zustand';
import type { Folder, MessageRow } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';

export const PAGE_SIZE = 100;
/** A refresh re-reads at most this many rows; deeper scroll positions reload as the user scrolls. */
const MAX_REFRESH_ROWS = 1000;

interface MessageListState {
  practiceId: string | null;
  folder: Folder;
  rows: MessageRow[];
  nextCursor: string | null;
  /** True once the first page arrived. */
  loaded: boolean;
  loading: boolean;
  error: string | null;
  show(practiceId: string, folder: Folder): Promise<void>;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  /** Shows a change at once (e.g. read, flagged) while the engine's `changed` event is on its way. */
  patchRow(id: string, patch: Partial<Pick<MessageRow, 'read' | 'flagged' | 'archived'>>): void;
  reset(): void;
}

const empty = {
  practiceId: null,
  folder: 'inbox' as Folder,
  rows: [],
  nextCursor: null,
  loaded: false,
  loading: false,
  error: null,
};

async function readPages(practiceId: string, folder: Folder, want: number) {
  const rows: MessageRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await desktopApi().listMessages({
      practiceId,
      folder,
      cursor,
      limit: Math.min(200, want - rows.length),
    });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor && rows.length < want);
  return { rows, nextCursor: cursor };
}

/**
 * A refresh re-reads the top of the list only. When the user had scrolled deeper, the rows below the
 * re-read part are kept (with their cursor) so the scroll position does not jump.
 */
function keepDeeperRows(
  before: { rows: MessageRow[]; nextCursor: string | null },
  page: { rows: MessageRow[]; nextCursor: string | null },
) {
  const last = page.rows[page.rows.length - 1];
  if (!page.nextCursor || !last || before.rows.length <= page.rows.length) return page;
  const at = before.rows.findIndex((r) => r.id === last.id);
  if (at < 0) return page;
  return { rows: [...page.rows, ...before.rows.slice(at + 1)], nextCursor: before.nextCursor };
}

export const createMessageListStore = () =>
  create<MessageListState>()((set, get) => {
    /** Bumped by every show/refresh so a slow page for an old view is dropped. */
    let generation = 0;
    const load = async (practiceId: string, folder: Folder, want: number) => {
      const mine = ++generation;
      set({ loading: true, error: null });
      try {
        const page = await readPages(practiceId, folder, want);
        if (mine !== generation) return;
        set({ ...keepDeeperRows(get(), page), loaded: true, loading: false });
      } catch (error) {
        if (mine === generation) set({ loading: false, loaded: true, error: errorMessage(error) });
      }
    };
    return {
      ...empty,
      show: async (practiceId, folder) => {
        const s = get();
        if (s.practiceId === practiceId && s.folder === folder && s.loaded) return get().refresh();
        set({ ...empty, practiceId, folder });
        await load(practiceId, folder, PAGE_SIZE);
      },
      loadMore: async () => {
        const { practiceId, folder, nextCursor, loading } = get();
        if (!practiceId || !nextCursor || loading) return;
        const mine = generation;
        set({ loading: true });
        try {
          const page = await desktopApi().listMessages({ practiceId, folder, cursor: nextCursor, limit: PAGE_SIZE });
          if (mine !== generation) return;
          set((s) => ({ rows: [...s.rows, ...page.rows], nextCursor: page.nextCursor, loading: false }));
        } catch (error) {
          if (mine === generation) set({ loading: false, error: errorMessage(error) });
        }
      },
      refresh: async () => {
        const { practiceId, folder, rows } = get();
        if (!practiceId) return;
        await load(practiceId, folder, Math.min(Math.max(rows.length, PAGE_SIZE), MAX_REFRESH_ROWS));
      },
      patchRow: (id, patch) => set((s) => ({ rows: s.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) })),
      reset: () => {
        generation++;
        set(empty);
      },
    };
  });

/** The Messages screen's list. */
export const useMessageListStore = createMessageListStore();
/** The Dashboard's To Do list: flagged messages. */
export const useTodoStore = createMessageListStore();
