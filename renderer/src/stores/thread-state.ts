// Mute or unmute the open message's thread (no notifications for it; urgent messages still alert).
import { desktopApi } from '../api/client.js';
import { errorMessage } from '../lib/errors.js';
import { selectCurrent, useCurrentMessageStore } from './current-message-store.js';

export async function setCurrentThreadMuted(muted: boolean): Promise<void> {
  const store = useCurrentMessageStore;
  const message = selectCurrent(store.getState())?.message;
  if (!message) return;
  store.setState({ muted, actionError: null });
  try {
    await desktopApi().setThreadMuted({ practiceId: message.practiceId, threadId: message.threadId, muted });
  } catch (error) {
    store.setState({ actionError: errorMessage(error) });
  }
  await store.getState().refresh();
}
