// The practice server's second-wave routes as another client sees them: to check in end-to-end tests
// what really reached the server (owners, snoozes, templates, audit events).
import type { AuditEvent, Change, PortalThread, Template } from '../../../common/http/index.js';
import { DEMO_PASSWORD } from './app-fixtures.js';

async function signIn(serverUrl: string, email: string): Promise<{ token: string; practiceId: string }> {
  const response = await fetch(`${serverUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in -> ${response.status}`);
  const body = (await response.json()) as { token: string; practices: { id: string }[] };
  return { token: body.token, practiceId: body.practices[0]?.id ?? '' };
}

/** GETs `path` (under the user's first practice) as that user. */
async function get<T>(serverUrl: string, email: string, path: (practiceId: string) => string): Promise<T> {
  const { token, practiceId } = await signIn(serverUrl, email);
  const response = await fetch(`${serverUrl}/api/v1${path(practiceId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET -> ${response.status}`);
  return (await response.json()) as T;
}

export async function portalThreadsOnServer(
  serverUrl: string,
  email: string,
  filter: 'unassigned' | 'mine' | 'open' | 'closed',
): Promise<PortalThread[]> {
  const path = (pid: string) => `/practices/${pid}/portal/threads?filter=${filter}`;
  return (await get<{ threads: PortalThread[] }>(serverUrl, email, path)).threads;
}

export async function templatesOnServer(serverUrl: string, email: string): Promise<Template[]> {
  return (await get<{ templates: Template[] }>(serverUrl, email, (pid) => `/practices/${pid}/templates`)).templates;
}

/** Sunrise's audit trail as its admin reads it. */
export async function auditOnServer(serverUrl: string, query: string): Promise<AuditEvent[]> {
  const path = (pid: string) => `/practices/${pid}/audit?limit=1000&${query}`;
  return (await get<{ events: AuditEvent[] }>(serverUrl, 'admin@sunrise.example', path)).events;
}

/** The user's thread states (mute) as their sync feed carries them, last one per thread. */
export async function mutedThreadsOnServer(serverUrl: string, email: string): Promise<string[]> {
  const { token } = await signIn(serverUrl, email);
  const muted = new Map<string, boolean>();
  let after = '';
  for (;;) {
    const response = await fetch(
      `${serverUrl}/api/v1/sync?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    const page = (await response.json()) as { changes: Change[]; cursor: string; more: boolean };
    for (const c of page.changes) if (c.kind === 'threadState') muted.set(c.threadState.threadId, c.threadState.muted);
    if (!page.more) return [...muted].filter(([, m]) => m).map(([id]) => id);
    after = page.cursor;
  }
}
