// Talks to the practice server directly, as another client would: to check what really arrived, or to act as a patient.
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from './app-fixtures.js';

async function call<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { ...init, headers });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url} -> ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function staffToken(serverUrl: string, email: string): Promise<string> {
  const body = await call<{ token: string }>(`${serverUrl}/api/v1/session`, {
    method: 'POST',
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return body.token;
}

interface FeedMessage {
  kind: string;
  message?: {
    id: string;
    subject: string;
    body: string;
    sender: { name: string };
    recipients: Array<{ kind: string; name: string }>;
    document: { title: string } | null;
    patient: { name: string } | null;
    encounter: { date: string } | null;
  };
}

/** Every message the staff member can see, read from the server's sync feed. */
export async function messagesSeenBy(serverUrl: string, email: string): Promise<NonNullable<FeedMessage['message']>[]> {
  const token = await staffToken(serverUrl, email);
  const seen: NonNullable<FeedMessage['message']>[] = [];
  let after = '';
  for (;;) {
    const page = await call<{ changes: FeedMessage[]; cursor: string; more: boolean }>(
      `${serverUrl}/api/v1/sync?limit=1000${after ? `&after=${after}` : ''}`,
      { token },
    );
    for (const change of page.changes) if (change.kind === 'message' && change.message) seen.push(change.message);
    if (!page.more) return seen;
    after = page.cursor;
  }
}

export async function portalSession(serverUrl: string, email: string): Promise<string> {
  const body = await call<{ token: string }>(`${serverUrl}/api/v1/portal/session`, {
    method: 'POST',
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  return body.token;
}

export async function portalMessages(
  serverUrl: string,
  token: string,
): Promise<Array<{ subject: string; body: string; source: string }>> {
  const body = await call<{ messages: Array<{ subject: string; body: string; source: string }> }>(
    `${serverUrl}/api/v1/portal/messages`,
    { token },
  );
  return body.messages;
}

export async function portalSend(serverUrl: string, token: string, subject: string, body: string): Promise<void> {
  await call(`${serverUrl}/api/v1/portal/messages`, {
    method: 'POST',
    token,
    body: JSON.stringify({ clientId: randomUUID(), subject, body }),
  });
}
