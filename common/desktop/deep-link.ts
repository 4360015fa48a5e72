// The app's link format, shared by the server's /open page (which offers it) and the desktop host (which opens it):
// practice-messenger://open?server=<practice server origin>&message=<message id>. No health information, ever.

export const DEEP_LINK_SCHEME = 'practice-messenger';

export interface DeepLink {
  /** The practice server's origin (scheme, host, port). */
  server: string;
  messageId: string | null;
}

export function buildDeepLink(link: DeepLink): string {
  const params = new URLSearchParams({ server: link.server });
  if (link.messageId) params.set('message', link.messageId);
  return `${DEEP_LINK_SCHEME}://open?${params.toString()}`;
}
