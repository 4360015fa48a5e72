// Reads a user's whole /sync feed straight from the server (raw, or folded into messages and states),
// to compare with what the engine cached.
import type { Change, MailboxState, Message } from '../../../common/http/index.js';
import { apiLogin } from '../../support/engine-harness.js';

/** Every change of the user's feed, in order, and the API session used to read it. */
export async function feedChanges(serverUrl: string, email: string) {
  const api = await apiLogin(serverUrl, email);
  const changes: Change[] = [];
  let after: string | null = null;
  for (;;) {
    const r = await api.call('GET', `/sync?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`);
    const page = r.body as { changes: Change[]; cursor: string; more: boolean };
    changes.push(...page.changes);
    after = page.cursor;
    if (!page.more) return { api, changes };
  }
}

export async function serverView(serverUrl: string, email: string) {
  const { api, changes } = await feedChanges(serverUrl, email);
  const messages = new Map<string, Message>();
  const states = new Map<string, MailboxState>();
  for (const c of changes) {
    if (c.kind === 'message') {
      messages.set(c.message.id, c.message);
      states.set(c.message.id, c.state);
    } else if (c.kind === 'state') states.set(c.state.messageId, c.state);
  }
  return { api, messages, states };
}
