// The top bar, on one line: Back/Forward, app name, practice, navigation, search, outbox and the signed-in user.
import { SHORTCUT_HINTS } from '../../lib/shortcuts.js';
import { navigate, useRouteStore, type Route } from '../../stores/route-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { useIsOffline, useSyncStore } from '../../stores/sync-store.js';
import { SearchBox } from '../search/SearchBox.js';
import { HistoryButtons } from './HistoryButtons.js';
import { PracticeSwitcher } from './PracticeSwitcher.js';
import { SignOutButton } from './SignOutButton.js';

const places: { label: string; route: Route; title?: string }[] = [
  { label: 'Dashboard', route: { name: 'dashboard' } },
  { label: 'Messages', route: { name: 'messages', folder: 'inbox', messageId: null } },
  { label: 'Patient Portal', route: { name: 'portal', filter: 'unassigned', threadId: null, messageId: null } },
  { label: 'Find Documents', route: { name: 'documents', documentId: null } },
];
/** The audit trail is for practice admins only. */
const auditPlace = { label: 'Audit', route: { name: 'audit', messageId: null } as Route };

/** These screens have their own "New Message" (pre-linked, or the form itself), so the bar hides its one. */
const screensWithOwnNewMessage = new Set<Route['name']>(['compose', 'encounter', 'documents', 'patient']);

export function TopBar() {
  const current = useRouteStore((s) => s.route.name);
  const user = useSessionStore((s) => s.session?.user);
  const isAdmin = useSessionStore((s) => s.session?.practices.find((p) => p.id === s.practiceId)?.role === 'admin');
  // What the user sent; their read/flag/archive changes go along unseen and are not counted.
  const outboxCount = useSyncStore((s) => s.outbox.filter((i) => i.kind === 'send').length);
  const offline = useIsOffline();
  const failed = useSyncStore((s) => s.outbox.filter((i) => i.status === 'failed').length);
  return (
    <header className="top-bar">
      <HistoryButtons />
      <span className="brand">Practice Messenger</span>
      <PracticeSwitcher />
      <nav aria-label="Main">
        <ul>
          {(isAdmin ? [...places, auditPlace] : places).map((p) => (
            <li key={p.label}>
              <a
                href={`#${p.route.name}`}
                className="nav-link"
                aria-current={current === p.route.name ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(p.route);
                }}
              >
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <SearchBox />
      {!screensWithOwnNewMessage.has(current) && (
        <button
          className="primary"
          title={SHORTCUT_HINTS.newMessage}
          onClick={() => navigate({ name: 'compose', link: null })}
        >
          New Message
        </button>
      )}
      {/* Online, pending items leave within moments; the outbox only needs attention offline or on failure. */}
      {(failed > 0 || (offline && outboxCount > 0)) && (
        <button
          className={`outbox-link ${failed ? 'failed' : ''}`}
          aria-label={failed > 0 ? `Outbox: ${failed} not sent` : `Outbox: ${outboxCount} pending`}
          onClick={() => navigate({ name: 'outbox' })}
        >
          {/* Short on screen (the colour says pending or not sent); the name says it in full. */}
          {failed > 0 ? `Outbox: ${failed} not sent` : `Outbox: ${outboxCount}`}
        </button>
      )}
      <div className="account">
        <span className="user" title={user ? `Signed in as ${user.name} (${user.email})` : undefined}>
          {user?.name}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
