// The Node path (browser host, tests, CLI tools): HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read by proxy-from-env as
// axios itself would, and applied to both the HTTP client and the live socket through one CONNECT tunnel agent.
// axios's own proxy support is switched off: for https it would not tunnel, and it never covers the socket.
import http from 'node:http';
import https from 'node:https';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { getProxyForUrl } from 'proxy-from-env';
import type { ServerTransport, TransportFactory } from './server-transport.js';

export function nodeTransport(proxyFor: (url: string) => string = getProxyForUrl): TransportFactory {
  return (serverUrl) => {
    const proxy = proxyFor(serverUrl);
    if (!proxy) {
      return {
        http: {
          httpAgent: new http.Agent({ keepAlive: true }),
          httpsAgent: new https.Agent({ keepAlive: true }),
          proxy: false,
        },
        liveSocketOptions: async () => ({}),
      } satisfies ServerTransport;
    }
    const tunnel = new HttpsProxyAgent(proxy, { keepAlive: true });
    return {
      http: { httpAgent: tunnel, httpsAgent: tunnel, proxy: false },
      // A socket of its own: ws upgrades the connection, which must not go back to a keep-alive pool.
      liveSocketOptions: async () => ({ agent: new HttpsProxyAgent(proxy) }),
    };
  };
}
