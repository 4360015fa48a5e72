// Placeholder shell until the UI lands: proves the desktop API round trip in both hosts.
import { useEffect, useState } from 'react';
import { desktopApi } from './api/client.js';

export function App() {
  const [info, setInfo] = useState<{ name: string; version: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    desktopApi()
      .getAppInfo({})
      .then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <main>
      <h1>{info ? info.name : 'Practice Messenger'}</h1>
      {info && <p data-testid="app-version">Version {info.version}</p>}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}
