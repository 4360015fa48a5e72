// The app's name and version as the host reports them, so support can tell which build a desk runs.
import { useEffect, useState } from 'react';
import { desktopApi } from '../../api/client.js';

export function AppVersion() {
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    desktopApi()
      .getAppInfo({})
      .then((info) => live && setLabel(`${info.name} ${info.version}`))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return label ? <p className="muted app-version">{label}</p> : null;
}
