// Which screen is showing, and the way back to earlier ones: a tiny in-store route with its own
// Back/Forward history instead of a router library (the host never sees these screens as pages).
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
  /** `open`: show the document itself at once (a document link), not only highlight it. */
  | { name: 'documents'; documentId: string | null; open?: boolean }
  | { name: 'settings' }
  | { name: 'search' }
  | { name: 'outbox' }
  /** `messageId`: the message of the open conversation shown (its newest when opened from the queue). */
  | { name: 'portal'; filter: PortalThreadFilter; threadId: string | null; messageId: string | null }
  | { name: 'audit'; messageId: string | null };

/** How far Back can go; older screens are forgotten. */
export const HISTORY_LIMIT = 50;

interface RouteState {
  route: Route;
  back: Route[];
  forward: Route[];
  /** Shows a screen; `replace` swaps the current one instead of adding a step to Back. */
  navigate(route: Route, options?: { replace?: boolean }): void;
  /** Opens a message in the Messages screen, keeping the current folder when already there. */
  openMessage(messageId: string, folder?: MailFolder, options?: { replace?: boolean }): void;
  goBack(): void;
  goForward(): void;
  reset(): void;
}

const initial: Route = { name: 'dashboard' };

const sameRoute = (a: Route, b: Route) => JSON.stringify(a) === JSON.stringify(b);

/** Coming back to a document shows it highlighted; its preview was closed when the user left. */
const revisitable = (route: Route): Route => (route.name === 'documents' ? { ...route, open: false } : route);

export const useRouteStore = create<RouteState>()((set, get) => ({
  route: initial,
  back: [],
  forward: [],
  navigate: (route, options) => {
    const { route: current, back } = get();
    if (sameRoute(current, route)) return;
    if (options?.replace) return set({ route });
    set({ route, back: [...back, revisitable(current)].slice(-HISTORY_LIMIT), forward: [] });
  },
  openMessage: (messageId, folder, options) => {
    const current = get().route;
    const keep = current.name === 'messages' ? current.folder : 'inbox';
    get().navigate({ name: 'messages', folder: folder ?? keep, messageId }, options);
  },
  goBack: () => {
    const { route, back, forward } = get();
    const previous = back[back.length - 1];
    if (!previous) return;
    set({ route: previous, back: back.slice(0, -1), forward: [revisitable(route), ...forward] });
  },
  goForward: () => {
    const { route, back, forward } = get();
    const next = forward[0];
    if (!next) return;
    set({ route: next, back: [...back, revisitable(route)], forward: forward.slice(1) });
  },
  reset: () => set({ route: initial, back: [], forward: [] }),
}));

export const navigate = (route: Route, options?: { replace?: boolean }) =>
  useRouteStore.getState().navigate(route, options);
