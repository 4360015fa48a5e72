// Sign in to a practice server with email and password; errors say what went wrong.
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/errors.js';
import { ADMIN_SET, useManagedPolicyStore } from '../../stores/managed-policy-store.js';
import { useSessionStore } from '../../stores/session-store.js';
import { useSyncStore } from '../../stores/sync-store.js';
import '../lock/gate.css';
import { FormError, FormField } from '../common/FormField.js';
import { AppVersion } from './AppVersion.js';

export function SignInScreen() {
  const session = useSessionStore((s) => s.session);
  const [serverUrl, setServerUrl] = useState(session?.serverUrl ?? session?.defaultServerUrl ?? '');
  const policyServer = useManagedPolicyStore((s) => s.policy.serverUrl);
  useEffect(() => void useManagedPolicyStore.getState().load(), []);
  useEffect(() => {
    if (policyServer) setServerUrl(policyServer);
  }, [policyServer]);
  const [email, setEmail] = useState(session?.user?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Why the engine signed out on its own (the session ended, the local cache broke), if it did.
  const ended = useSyncStore((s) => (s.status?.state === 'signedOut' ? s.status.lastError : null));

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
        {ended && (
          <p role="status" className="hint">
            {ended}
          </p>
        )}
        <FormField
          id="sign-in-server"
          label="Server"
          type="url"
          required
          value={serverUrl}
          readOnly={!!policyServer}
          aria-describedby={policyServer ? 'sign-in-server-hint' : undefined}
          onChange={(e) => setServerUrl(e.target.value)}
          placeholder="https://messages.example-practice.com"
        />
        {policyServer && (
          <p id="sign-in-server-hint" className="hint">
            {ADMIN_SET}
          </p>
        )}
        <FormField
          id="sign-in-email"
          label="Email"
          type="email"
          required
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <FormField
          id="sign-in-password"
          label="Password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <AppVersion />
      </form>
    </main>
  );
}
