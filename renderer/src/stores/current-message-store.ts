// The open message and its thread, and what the user does to it: read, flag, archive, reply.
import { create } from 'zustand';
import type { MessageView } from '../../../common/desktop/index.js';
import type { AttachmentRef, StatePatch } from '../lib/types.js';
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';
import { useMessageListStore } from './message-list-store.js';
import { whileSending } from './send-in-flight.js';

interface CurrentMessageState {
  messageId: string | null;
  thread: MessageView[];
  loading: boolean;
  error: string | null;
  actionError: string | null;
  open(messageId: string): Promise<void>;
  refresh(): Promise<void>;
  setState(patch: StatePatch): Promise<void>;
  reply(body: string, attachments?: AttachmentRef[]): Promise<boolean>;
  close(): void;
}

const empty = { messageId: null, thread: [], loading: false, error: null, actionError: null };

/** The opened message's view within its thread. */
export const selectCurrent = (s: { messageId: string | null; thread: MessageView[] }): MessageView | undefined =>
  s.thread.find((v) => v.message.id === s.messageId);

export const useCurrentMessageStore = create<CurrentMessageState>()((set, get) => {
  const patchLocal = (messageId: string, patch: StatePatch) =>
    set((s) => ({
      thread: s.thread.map((v) => (v.message.id === messageId ? { ...v, state: { ...v.state, ...patch } } : v)),
    }));
  const load = async (messageId: string) => {
    try {
      const { messages } = await desktopApi().getThread({ messageId });
      if (get().messageId === messageId) set({ thread: messages, loading: false, error: null });
    } catch (error) {
      if (get().messageId === messageId) set({ loading: false, error: errorMessage(error) });
    }
  };
  return {
    ...empty,
    open: async (messageId) => {
      if (get().messageId === messageId && get().thread.length > 0) return get().refresh();
      set({ ...empty, messageId, loading: true });
      await load(messageId);
      const view = selectCurrent(get());
      // Opening an unread message marks it read.
      if (view && !view.state.read) await get().setState({ read: true });
    },
    refresh: async () => {
      const id = get().messageId;
      if (id) await load(id);
    },
    setState: async (patch) => {
      const id = get().messageId;
      if (!id) return;
      patchLocal(id, patch);
      useMessageListStore.getState().patchRow(id, patch);
      set({ actionError: null });
      try {
        await desktopApi().setMessageState({ messageId: id, patch });
      } catch (error) {
        set({ actionError: errorMessage(error) });
        await get().refresh();
      }
    },
    reply: async (body, attachments) => {
      const id = get().messageId;
      if (!id) return false;
      set({ actionError: null });
      try {
        await whileSending(() => desktopApi().reply({ messageId: id, body, attachments }));
        await get().refresh();
        return true;
      } catch (error) {
        set({ actionError: errorMessage(error) });
        return false;
      }
    },
    close: () => set(empty),
  };
});
