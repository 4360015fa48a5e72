// Reading a practice-messenger:// link (common/desktop/deep-link.ts) strictly: anything else is ignored. And what
// opening one means for the signed-in session.
import { DEEP_LINK_SCHEME, type DeepLink } from '../../../common/desktop/index.js';
import { Id } from '../../../common/http/index.js';
import { sameServer } from '../policy/apply-policy.js';

const MAX_LINK_LENGTH = 2048;

export function parseDeepLink(text: string): DeepLink | null {
  if (text.length > MAX_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // Some launchers add a slash after the host (practice-messenger://open/?...).
  if (url.protocol !== `${DEEP_LINK_SCHEME}:` || url.host !== 'open' || !['', '/'].includes(url.pathname)) return null;
  const server = serverOrigin(url.searchParams.get('server'));
  if (!server) return null;
  const message = url.searchParams.get('message');
  if (message === null) return { server, messageId: null };
  return Id.safeParse(message).success ? { server, messageId: message } : null;
}

function serverOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The deep link among a process's arguments (Windows and Linux pass it there; macOS uses open-url). */
export function deepLinkInArgs(argv: readonly string[]): DeepLink | null {
  const arg = argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
  return arg ? parseDeepLink(arg) : null;
}

export type DeepLinkAction =
  | { kind: 'open-message'; messageId: string }
  | { kind: 'show' }
  | { kind: 'sign-in'; server: string }
  | { kind: 'other-server'; server: string; signedInTo: string };

/** What to do with a link, given who is signed in where. */
export function deepLinkAction(
  link: DeepLink,
  session: { signedIn: boolean; serverUrl: string | null },
): DeepLinkAction {
  if (!session.signedIn || !session.serverUrl) return { kind: 'sign-in', server: link.server };
  if (!sameServer(link.server, session.serverUrl)) {
    return { kind: 'other-server', server: link.server, signedInTo: new URL(session.serverUrl).origin };
  }
  return link.messageId ? { kind: 'open-message', messageId: link.messageId } : { kind: 'show' };
}
