// Reads a user's whole /sync feed straight from the server, folded into messages and states,
// to compare with what the engine cached.
import type { Change, MailboxState, Message } from '../../../common/http/index.js';
import { apiLogin } from '../../support/engine-harness.js';

export async function serverView(serverUrl: string, email: string) {
  const api = await apiLogin(serverUrl, email);
  const messages = new Map<string, Message>();
  const states = new Map<string, MailboxState>();
  let after: string | null = null;
  for (;;) {
    const r = await api.call('GET', `/sync?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    const page = r.body as { changes: Change[]; cursor: string; more: boolean };
    for (const c of page.changes) {
      if (c.kind === 'message') {
        messages.set(c.message.id, c.message);
        states.set(c.message.id, c.state);
      } else if (c.kind === 'state') states.set(c.state.messageId, c.state);
    }
    after = page.cursor;
    if (!page.more) break;
  }
  return { api, messages, states };
}
