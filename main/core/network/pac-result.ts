// Chromium's proxy decision for a URL (session.resolveProxy: "PROXY host:port; DIRECT", from the system settings
// or a PAC file) turned into the proxy the live socket should tunnel through, or null to connect directly.

/** The first entry the socket can use: PROXY/HTTP and HTTPS proxies (CONNECT), or DIRECT. SOCKS is skipped. */
export function proxyFromPacResult(result: string): string | null {
  for (const entry of result.split(';')) {
    const [kind = '', address = ''] = entry.trim().split(/\s+/);
    const type = kind.toUpperCase();
    if (type === 'DIRECT') return null;
    if ((type === 'PROXY' || type === 'HTTP') && address) return `http://${address}`;
    if (type === 'HTTPS' && address) return `https://${address}`;
  }
  return null;
}
