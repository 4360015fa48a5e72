// One-off notices from the host, such as "the local cache was rebuilt".
import { create } from 'zustand';

interface NoticeState {
  notice: string | null;
  show(notice: string): void;
  dismiss(): void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: null }),
}));
