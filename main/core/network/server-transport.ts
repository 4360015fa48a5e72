// How the engine reaches a practice server: the HTTP client's adapter and agents, and the live socket's agent.
// Hosts choose: Electron goes through Chromium's network stack (system proxy, PAC, proxy authentication, the OS
// certificate store); the browser host and tests through Node, honouring HTTPS_PROXY / HTTP_PROXY / NO_PROXY.
import type { AxiosRequestConfig } from 'axios';
import type { Agent } from 'node:http';

export interface ServerTransport {
  /** Merged into the HTTP client's axios config. */
  readonly http: Pick<AxiosRequestConfig, 'adapter' | 'env' | 'httpAgent' | 'httpsAgent' | 'proxy'>;
  /** The live socket's connection options (ws): an agent through a proxy, and certificate authorities to trust. */
  liveSocketOptions(url: URL): Promise<{ agent?: Agent; ca?: string[] }>;
}

/** One transport per server address (a proxy may apply to one server and not to another). */
export type TransportFactory = (serverUrl: string) => ServerTransport;
