// A portal thread as the queue shows it: the server's view with this device's unsent actions laid on
// top (claim, assign, release, close, in the order taken), and the reason of the last one refused.
import type { PortalThreadView } from '../../../common/desktop/index.js';
import type { Party, PortalThread } from '../../../common/http/index.js';
import { PortalPayload } from '../outbox/workflow-payloads.js';
import type { OutboxRow } from './outbox-store.js';

export function overlayPortalThread(
  thread: PortalThread,
  items: OutboxRow[],
  me: Pick<Party, 'id' | 'name'>,
  lastMessageId: string,
): PortalThreadView {
  const view: PortalThreadView = { ...thread, lastMessageId, pending: false, problem: null };
  for (const item of items) {
    if (item.status === 'failed') {
      view.problem = item.error;
      continue;
    }
    const payload = PortalPayload.safeParse(safeJson(item.payload));
    if (!payload.success) continue;
    view.pending = true;
    const action = payload.data;
    if (action.action === 'claim') view.owner = { id: me.id, name: me.name };
    else if (action.action === 'assign') view.owner = { id: action.userId, name: action.userName };
    else if (action.action === 'release') view.owner = null;
    else view.status = 'closed';
  }
  return view;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
