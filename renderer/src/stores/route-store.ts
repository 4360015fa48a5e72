// Which screen is showing: a tiny in-store route instead of a router library.
import { create } from 'zustand';
import type { PortalThreadFilter } from '../../../common/desktop/index.js';

export type MailFolder = 'inbox' | 'archived' | 'sent' | 'snoozed';

/** What a new message starts linked to (from an encounter, a document or a patient). */
export type ComposeLink =
  | { kind: 'encounter'; id: string; label: string; patientId: string }
  | { kind: 'document'; id: string; label: string; patientId: string | null }
  | { kind: 'patient'; id: string; label: string };

export type Route =
  | { name: 'dashboard' }
  | { name: 'messages'; folder: MailFolder; messageId: string | null }
  /** `forward`: the message whose text and attachments the new message starts with. */
  | { name: 'compose'; link: ComposeLink | null; forward?: string }
  | { name: 'patient'; patientId: string }
  | { name: 'encounter'; encounterId: string }
  | { name: 'documents'; documentId: string | null }
  | { name: 'settings' }
  | { name: 'search' }
  | { name: 'outbox' }
  /** `messageId`: the message of the open conversation shown (its newest when opened from the queue). */
  | { name: 'portal'; filter: PortalThreadFilter; threadId: string | null; messageId: string | null }
  | { name: 'audit'; messageId: string | null };

interface RouteState {
  route: Route;
  navigate(route: Route): void;
  /** Opens a message in the Messages screen, keeping the current folder when already there. */
  openMessage(messageId: string, folder?: MailFolder): void;
  reset(): void;
}

const initial: Route = { name: 'dashboard' };

export const useRouteStore = create<RouteState>()((set, get) => ({
  route: initial,
  navigate: (route) => set({ route }),
  openMessage: (messageId, folder) => {
    const current = get().route;
    const keep = current.name === 'messages' ? current.folder : 'inbox';
    set({ route: { name: 'messages', folder: folder ?? keep, messageId } });
  },
  reset: () => set({ route: initial }),
}));

export const navigate = (route: Route) => useRouteStore.getState().navigate(route);
