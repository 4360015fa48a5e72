// What the log says about a running engine: sync state changes and sign-in/out, by state names and ids only.
// Never subjects, bodies, names or error sentences (those can quote what a server or a user wrote).
import type { DesktopEventName, DesktopEventPayload } from '../../../common/desktop/index.js';
import type { EngineListener } from '../host-ports.js';

export function activityLog(log: (line: string) => void): EngineListener {
  let lastState: string | null = null;
  let lastPending = -1;
  return <K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>) => {
    if (event !== 'syncStatus') return;
    const status = payload as DesktopEventPayload<'syncStatus'>;
    if (status.state !== lastState) {
      log(`sync: ${lastState ?? 'start'} -> ${status.state}${status.lastError ? ' (with error)' : ''}`);
      lastState = status.state;
    }
    if (status.pendingOutbox !== lastPending && (status.pendingOutbox === 0 || lastPending <= 0)) {
      log(`outbox: ${status.pendingOutbox} pending`);
    }
    lastPending = status.pendingOutbox;
  };
}
