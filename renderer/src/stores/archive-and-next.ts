// Archive (or Move to Inbox) the open message. When that takes it out of the folder on screen, the next
// message opens, as in Outlook: the one below it in the list, else the one above.
import type { MessageRow } from '../../../common/desktop/index.js';
import { selectCurrent, useCurrentMessageStore } from './current-message-store.js';
import { useMessageListStore } from './message-list-store.js';
import { useRouteStore } from './route-store.js';

/** The row below `id` (else above) that is still in the folder: rows just moved wait for the list's refresh. */
function neighbour(rows: MessageRow[], id: string, inArchived: boolean): MessageRow | undefined {
  const at = rows.findIndex((r) => r.id === id);
  if (at < 0) return undefined;
  const stays = (r: MessageRow) => r.archived === inArchived;
  return rows.slice(at + 1).find(stays) ?? rows.slice(0, at).reverse().find(stays);
}

export async function toggleArchived(): Promise<void> {
  const messages = useCurrentMessageStore.getState();
  const view = selectCurrent(messages);
  if (!view) return;
  const archived = !view.state.archived;
  const { route } = useRouteStore.getState();
  const shown = route.name === 'messages' && route.messageId === view.message.id ? route : null;
  const leavesFolder =
    shown !== null && (shown.folder === 'inbox' ? archived : shown.folder === 'archived' && !archived);
  const rows = useMessageListStore.getState().rows;
  const next = shown && leavesFolder ? neighbour(rows, view.message.id, shown.folder === 'archived') : undefined;
  const saved = messages.setState({ archived });
  if (shown && leavesFolder) {
    // Replace: Back should not return to a message that has left this folder.
    if (next) useRouteStore.getState().openMessage(next.id, shown.folder, { replace: true });
    else useRouteStore.getState().navigate({ ...shown, messageId: null }, { replace: true });
  }
  await saved;
}
