// The open message and its thread, and what the user does to it: read, flag, archive, reply.
import { create } from 'zustand';
import type { MessageView, PortalThreadView } from '../../../common/desktop/index.js';
import type { AttachmentRef, ReplyOptions, StatePatch } from '../lib/types.js';
import { desktopApi } from '../api/client.js';
import { errorCode, errorMessage } from '../lib/errors.js';
import { useMessageListStore } from './message-list-store.js';
import { whileSending } from './send-in-flight.js';

interface CurrentMessageState {
  messageId: string | null;
  thread: MessageView[];
  /** The thread's place in the Patient Portal queue (portal threads only). */
  portal: PortalThreadView | null;
  muted: boolean;
  loading: boolean;
  error: string | null;
  actionError: string | null;
  open(messageId: string): Promise<void>;
  refresh(): Promise<void>;
  setState(patch: StatePatch): Promise<void>;
  /** Sends a reply; false with `actionError` set, or the error's code when it needs the user (`already_claimed`). */
  reply(body: string, attachments?: AttachmentRef[], options?: ReplyOptions): Promise<true | { code: string }>;
  close(): void;
}

const empty = {
  messageId: null,
  thread: [],
  portal: null,
  muted: false,
  loading: false,
  error: null,
  actionError: null,
};

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
      const { messages, portal, muted } = await desktopApi().getThread({ messageId });
      if (get().messageId !== messageId) return;
      set({ thread: messages, portal: portal ?? null, muted: muted ?? false, loading: false, error: null });
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
    reply: async (body, attachments, options) => {
      const id = get().messageId;
      if (!id) return { code: 'no_message' };
      set({ actionError: null });
      try {
        await whileSending(() => desktopApi().reply({ messageId: id, body, attachments, ...options }));
        await get().refresh();
        return true;
      } catch (error) {
        const code = errorCode(error);
        // Someone else answers this patient: the reply box asks before taking over, so no alert here.
        if (code !== 'already_claimed') set({ actionError: errorMessage(error) });
        return { code };
      }
    },
    close: () => set(empty),
  };
});
