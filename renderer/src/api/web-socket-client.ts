// The desktop API over the browser host's loopback WebSocket: one call frame out, one result frame back.
import {
  DesktopCallError,
  desktopMethodNames,
  WireServerFrame,
  type DesktopApi,
  type DesktopEventName,
  type DesktopMethodName,
} from '../../../common/desktop/index.js';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export function connectWebSocketApi(url: string): DesktopApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const open = () => {
    socket = new WebSocket(url);
    ready = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener(
        'error',
        () => reject(new DesktopCallError('host_unreachable', 'The app host is not reachable.')),
        { once: true },
      );
    });
    ready.catch(() => undefined);
    socket.addEventListener('message', (event) => {
      const frame = WireServerFrame.safeParse(JSON.parse(String(event.data)));
      if (!frame.success) return;
      const data = frame.data;
      if (data.type === 'event') {
        listeners.get(data.event)?.forEach((listener) => listener(data.payload));
        return;
      }
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if (data.ok) call.resolve(data.value);
      else call.reject(new DesktopCallError(data.error.code, data.error.message));
    });
    socket.addEventListener('close', () => {
      for (const call of pending.values())
        call.reject(new DesktopCallError('host_unreachable', 'The app host closed the connection.'));
      pending.clear();
    });
  };
  open();

  const call = async (method: DesktopMethodName, args: unknown): Promise<unknown> => {
    if (socket.readyState === WebSocket.CLOSED || socket.readyState === WebSocket.CLOSING) open();
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ type: 'call', id, method, args: args ?? {} }));
    });
  };

  const api: Record<string, unknown> = {
    on(event: DesktopEventName, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  for (const name of desktopMethodNames) api[name] = (args: unknown) => call(name, args);
  return api as DesktopApi;
}

export { DesktopCallError };
