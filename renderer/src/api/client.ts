// The one desktop API client the renderer uses; it never branches on the host anywhere else.
import type { DesktopApi, DesktopBridge } from '../../../common/desktop/index.js';
import { desktopApiFromBridge } from './bridge-client.js';
import { connectWebSocketApi } from './web-socket-client.js';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge. */
    practiceMessenger?: DesktopBridge;
  }
}

let client: DesktopApi | null = null;

/** In Electron the preload provides the API; in the browser host it comes over a WebSocket whose secret is in the URL. */
export function desktopApi(): DesktopApi {
  if (client) return client;
  if (window.practiceMessenger) {
    client = desktopApiFromBridge(window.practiceMessenger);
    return client;
  }
  const secret = new URLSearchParams(window.location.search).get('secret') ?? '';
  const wsUrl = new URL('/bridge', window.location.href);
  wsUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  wsUrl.search = `?secret=${encodeURIComponent(secret)}`;
  client = connectWebSocketApi(wsUrl.toString());
  return client;
}

/** Tests and stories inject a fake API. */
export function setDesktopApiForTests(api: DesktopApi): void {
  client = api;
}
