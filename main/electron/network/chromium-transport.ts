// The engine's network path in Electron: HTTP through Chromium's stack (axios's fetch adapter over session.fetch),
// so the system proxy, PAC files, proxy authentication (integrated Windows sign-in) and the OS certificate store all
// apply; the live socket asks Chromium which proxy the server's address goes through and tunnels there, trusting
// the OS's certificate authorities too where this Node can read them (a TLS-inspecting proxy's own root, say).
import { HttpsProxyAgent } from 'https-proxy-agent';
import * as tls from 'node:tls';
import { proxyFromPacResult } from '../../core/network/pac-result.js';
import type { TransportFactory } from '../../core/network/server-transport.js';

/** The slice of Electron's Session used here (faked in tests). */
export interface NetworkSession {
  fetch(input: string | Request, init?: RequestInit): Promise<Response>;
  resolveProxy(url: string): Promise<string>;
}

/** Node's bundled roots plus the OS store's (Node 22.15+/23.5+: tls.getCACertificates('system')), or null. */
export function systemCertificateAuthorities(
  read: ((type: 'system') => string[]) | undefined = (tls as { getCACertificates?: (type: 'system') => string[] })
    .getCACertificates,
): string[] | null {
  if (!read) return null;
  try {
    const system = read('system');
    return system.length > 0 ? [...tls.rootCertificates, ...system] : null;
  } catch {
    return null;
  }
}

export function chromiumTransport(
  session: NetworkSession,
  ca: string[] | null = systemCertificateAuthorities(),
): TransportFactory {
  const fetchThroughChromium = (input: string | URL | Request, init?: RequestInit) =>
    session.fetch(input instanceof URL ? input.href : input, init);
  return () => ({
    http: { adapter: 'fetch', env: { fetch: fetchThroughChromium } },
    async liveSocketOptions(url) {
      const proxy = proxyFromPacResult(await session.resolveProxy(url.href));
      return {
        ...(proxy ? { agent: new HttpsProxyAgent(proxy) } : {}),
        ...(ca ? { ca } : {}),
      };
    },
  });
}
