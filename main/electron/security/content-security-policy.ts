// The renderer's Content-Security-Policy: our own files only, no inline script, no eval, no network.
// The renderer talks to the engine over IPC, so it needs no connect-src at all in production.

/**
 * In development electron-vite serves the page with hot reload, which needs its websocket and
 * React's inline refresh preamble; those allowances exist only when a dev server URL is given.
 */
export function rendererContentSecurityPolicy(devServerUrl: string | null): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}` : '';
  return [
    "default-src 'none'",
    dev ? `script-src 'self' 'unsafe-inline' ${dev.origin}` : "script-src 'self'",
    dev ? `style-src 'self' 'unsafe-inline' ${dev.origin}` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    dev ? `connect-src 'self' ${dev.origin} ${devSocket}` : "connect-src 'none'",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    // Chromium's PDF viewer is a plugin: a blob: PDF in the preview frame inherits this policy, so object-src
    // must let our own blob: URLs through (and nothing else: no remote objects).
    'object-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
