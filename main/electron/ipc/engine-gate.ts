// The window opens before the engine has started (opening a large cache checks it first, which takes seconds), so
// the page's first calls wait for the engine here instead of finding no handler. A failed start answers every call
// with one clear error instead of leaving the page waiting.
import type { DesktopHandlers, DesktopMethodName } from '../../../common/desktop/index.js';
import { desktopMethodNames } from '../../../common/desktop/index.js';
import { DesktopCallError } from '../../core/errors.js';

export const engineFailedError = () =>
  new DesktopCallError(
    'engine_failed',
    'Practice Messenger could not start its message store. Quit and open it again.',
  );

/** Handlers that wait for `ready` and then call the engine's. */
export function handlersAfter(ready: Promise<DesktopHandlers>): DesktopHandlers {
  const safeReady = ready.catch(() => null);
  const out: Partial<Record<DesktopMethodName, unknown>> = {};
  for (const name of desktopMethodNames) {
    out[name] = async (args: unknown) => {
      const handlers = await safeReady;
      if (!handlers) throw engineFailedError();
      return (handlers[name] as (a: unknown) => Promise<unknown>)(args);
    };
  }
  return out as DesktopHandlers;
}
