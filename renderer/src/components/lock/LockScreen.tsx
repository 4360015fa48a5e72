// Shown while the idle lock is on: nothing of the practice's data, only the password to unlock.
import { useState, type FormEvent } from 'react';
import { useLockStore } from '../../stores/lock-store.js';
import { FormError, FormField } from '../common/FormField.js';
import './gate.css';

export function LockScreen() {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const problem = await useLockStore.getState().unlock(password);
    setBusy(false);
    setError(problem);
    setPassword('');
  };

  return (
    <main className="gate">
      <form className="gate-card card" onSubmit={(e) => void submit(e)} aria-labelledby="lock-title">
        <h1 id="lock-title">Practice Messenger is locked</h1>
        <p className="muted">It locked itself after a while without use. Enter your password to continue.</p>
        <FormField
          id="unlock-password"
          label="Password"
          type="password"
          required
          autoFocus
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          Unlock
        </button>
      </form>
    </main>
  );
}
