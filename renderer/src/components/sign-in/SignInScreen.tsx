// Sign in to a practice server with email and password; errors say what went wrong.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/errors.js';
import { useSessionStore } from '../../stores/session-store.js';
import '../lock/gate.css';
import { AppVersion } from './AppVersion.js';

export function SignInScreen() {
  const session = useSessionStore((s) => s.session);
  const [serverUrl, setServerUrl] = useState(session?.serverUrl ?? session?.defaultServerUrl ?? '');
  const [email, setEmail] = useState(session?.user?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await useSessionStore.getState().signIn({ serverUrl: serverUrl.trim(), email: email.trim(), password });
    } catch (e) {
      setError(errorMessage(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gate">
      <form className="gate-card card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Practice Messenger</h1>
        <p className="muted">Sign in to your practice’s secure messaging.</p>
        <div className="field">
          <label htmlFor="sign-in-server">Server</label>
          <input
            id="sign-in-server"
            type="url"
            required
            value={serverUrl}
            onChange={(e) => setServerUrl(e.target.value)}
            placeholder="https://messages.example-practice.com"
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <AppVersion />
      </form>
    </main>
  );
}
