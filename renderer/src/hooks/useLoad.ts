// Loads data for a view (patient, encounter...) and drops answers that arrive after the view changed.
import { useEffect, useState } from 'react';
import { errorMessage } from '../lib/errors.js';

export type Loaded<T> = { data: T | null; error: string | null; loading: boolean };

/** `load` must be memoized (useCallback) so it changes only when its inputs do. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState({ data: null, error: null, loading: true });
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState({ data: null, error: errorMessage(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
