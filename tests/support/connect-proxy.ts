// Test helper: a real HTTP proxy (the `proxy` package) on loopback that records the CONNECT tunnels it opens and the
// plain http:// requests it forwards (Chromium sends those as absolute URLs), can refuse them all (407), and can
// resolve one host name only it knows, so a client that goes around it fails.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';

export interface ConnectProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  /** host:port */
  address: string;
  /** Every CONNECT target asked for, in order, as the client named it. */
  tunnels: string[];
  /** Every plain http:// request forwarded (absolute URL as the client named it), in order. */
  requests: string[];
  /** true: answer 407 to every CONNECT. */
  refuseAll(refuse: boolean): void;
  close(): Promise<void>;
}

/** `hiddenHost` (e.g. practice.test) is sent on to 127.0.0.1: only through this proxy can it be reached. */
export async function startConnectProxy(hiddenHost?: string): Promise<ConnectProxy> {
  const proxy: ProxyServer = createProxy(createServer());
  const tunnels: string[] = [];
  const requests: string[] = [];
  const open = new Set<Socket>();
  proxy.prependListener('request', (request: IncomingMessage) => {
    requests.push(request.url ?? '');
    if (hiddenHost) request.url = request.url?.replace(`//${hiddenHost}:`, '//127.0.0.1:');
  });
  proxy.prependListener('connect', (request: IncomingMessage, socket: Socket) => {
    open.add(socket.once('close', () => open.delete(socket)));
    tunnels.push(request.url ?? '');
    if (hiddenHost && request.url?.startsWith(`${hiddenHost}:`)) {
      request.url = request.url.replace(`${hiddenHost}:`, '127.0.0.1:');
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = `127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    url: `http://${address}`,
    address,
    tunnels,
    requests,
    refuseAll: (refuse) => void (proxy.authenticate = refuse ? () => false : undefined),
    async close() {
      // Tunnels leave the HTTP server's bookkeeping once CONNECT succeeds: end them here.
      for (const socket of open) socket.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}
