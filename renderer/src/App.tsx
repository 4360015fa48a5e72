// The app root: subscribes to host events, then shows the lock, sign-in or main screens.
import { useEffect } from 'react';
import { AppShell } from './components/shell/AppShell.js';
import { LockScreen } from './components/lock/LockScreen.js';
import { SignInScreen } from './components/sign-in/SignInScreen.js';
import { subscribeToDesktopEvents } from './desktop-events.js';
import { reportUserActivity } from './lib/activity-reporter.js';
import { useLockStore } from './stores/lock-store.js';
import { useSessionStore } from './stores/session-store.js';
import './styles/theme.css';
import './styles/base.css';

export function App() {
  const status = useSessionStore((s) => s.status);
  const loadError = useSessionStore((s) => s.loadError);
  const signedIn = useSessionStore((s) => s.session?.signedIn === true && s.practiceId !== null);
  const locked = useLockStore((s) => s.locked);

  useEffect(() => {
    const unsubscribe = subscribeToDesktopEvents();
    const stopReporting = reportUserActivity();
    void useSessionStore.getState().load();
    return () => {
      unsubscribe();
      stopReporting();
    };
  }, []);

  if (locked) return <LockScreen />;
  if (status === 'loading') return <p className="splash">Loading Practice Messenger…</p>;
  if (status === 'failed') {
    return (
      <main className="splash">
        <p role="alert" className="error">
          {loadError}
        </p>
        <button onClick={() => void useSessionStore.getState().load()}>Try again</button>
      </main>
    );
  }
  return signedIn ? <AppShell /> : <SignInScreen />;
}
