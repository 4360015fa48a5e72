// Signing out also removes this account's messages, files and drafts from the computer (a front-desk
// PC is shared), so the button says so, and asks first when unsent messages would go with them.
import { clearContent } from '../../stores/clear-content.js';
import { useRouteStore } from '../../stores/route-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { useSyncStore } from '../../stores/sync-store.js';

export const SIGN_OUT_LABEL = 'Sign out and remove my messages from this computer';

function unsentWarning(count: number): string {
  const what = count === 1 ? '1 message or change has' : `${count} messages or changes have`;
  return `${what} not been sent yet. Signing out removes them from this computer. Sign out anyway?`;
}

export function SignOutButton() {
  const user = useSessionStore((s) => s.session?.user);
  const signOut = () => {
    const unsent = useSyncStore.getState().status?.pendingOutbox ?? 0;
    if (unsent > 0 && !window.confirm(unsentWarning(unsent))) return;
    clearContent();
    useRouteStore.getState().reset();
    void useSessionStore.getState().signOut();
  };
  return (
    <button
      className="link sign-out"
      aria-label={SIGN_OUT_LABEL}
      title={user ? `Signed in as ${user.name} (${user.email})` : undefined}
      onClick={signOut}
    >
      Sign out <span className="sign-out-detail">and remove my messages from this computer</span>
    </button>
  );
}
