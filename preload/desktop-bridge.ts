// Builds the renderer's DesktopApi from ipcRenderer calls: one invoke per desktop method, `on` for
// the named desktop events only. Nothing generic (no send(channel)); ipcRenderer is injected for tests.
import {
  callChannel,
  DesktopCallError,
  desktopEventNames,
  desktopMethodNames,
  type DesktopBridge,
  type DesktopEventName,
  type DesktopOutcome,
  type DesktopMethodName,
  eventChannel,
} from '../common/desktop/index.js';

export { DesktopCallError };

/** The slice of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, args: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Passes a well-formed outcome through as plain data (contextBridge clones it intact); anything else becomes an error outcome. */
function checked(outcome: unknown): DesktopOutcome<unknown> {
  if (outcome && typeof outcome === 'object' && 'ok' in outcome) {
    if (outcome.ok === true && 'value' in outcome) return { ok: true, value: outcome.value };
    const error = (outcome as { error?: { code?: unknown; message?: unknown } }).error;
    if (outcome.ok === false && typeof error?.code === 'string' && typeof error.message === 'string') {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
  }
  return {
    ok: false,
    error: { code: 'bad_reply', message: 'The app gave an answer this window does not understand.' },
  };
}

const isEventName = (name: unknown): name is DesktopEventName =>
  typeof name === 'string' && (desktopEventNames as readonly string[]).includes(name);

export function createDesktopBridge(ipc: IpcRendererLike): DesktopBridge {
  const api: Record<string, unknown> = {};
  for (const method of desktopMethodNames) {
    api[method] = async (args: unknown) =>
      checked(await ipc.invoke(callChannel(method as DesktopMethodName), args ?? {}));
  }
  api.on = (event: unknown, listener: unknown) => {
    if (!isEventName(event)) throw new DesktopCallError('unknown_event', 'There is no such app event.');
    if (typeof listener !== 'function')
      throw new DesktopCallError('invalid_arguments', 'A listener function is required.');
    // Hand the page the payload only, never Electron's event object (it carries the sender).
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(eventChannel(event), forward);
    return () => {
      ipc.removeListener(eventChannel(event), forward);
    };
  };
  return Object.freeze(api) as DesktopBridge;
}
