// GET /open and /open/message/<id>: the page an email alert links to. It offers "Open in Practice Messenger" with
// the app's practice-messenger:// link, and is HTML whatever the address (never a JSON error). No health
// information: the link carries the server's address and, at most, a message id.
import { buildDeepLink } from '../../common/desktop/index.js';
import { Id } from '../../common/http/index.js';
import type { FastifyInstance, FastifyReply } from 'fastify';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// No script at all; the only style is inline in this page.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function openPageHtml(deepLink: string, note: string | null): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Open in Practice Messenger</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
  a.open { display: inline-block; background: #0e7480; color: #fff; padding: .75rem 1.25rem; border-radius: .4rem; text-decoration: none; font-weight: 600; }
  a.open:focus { outline: 3px solid #f0b429; outline-offset: 2px; }
  .note { color: #52606d; }
</style>
</head>
<body>
<main>
<h1>A secure message is waiting for you</h1>
${note ? `<p class="note">${escapeHtml(note)}</p>\n` : ''}<p><a class="open" href="${escapeHtml(deepLink)}">Open in Practice Messenger</a></p>
<p class="note">Nothing happens? Open Practice Messenger yourself and sign in: the message is in your Inbox.
If the app is not installed on this computer, ask your practice's IT.</p>
</main>
</body>
</html>
`;
}

/** `serverUrl` gives the address the apps use (PUBLIC_URL, else the server's own), never a request's Host header. */
export function registerOpenPage(app: FastifyInstance, serverUrl: () => string): void {
  const send = (reply: FastifyReply, status: number, messageId: string | null, note: string | null) =>
    reply
      .code(status)
      .header('Content-Security-Policy', PAGE_CSP)
      .header('Cache-Control', 'no-store')
      .header('X-Content-Type-Options', 'nosniff')
      .type('text/html; charset=utf-8')
      .send(openPageHtml(buildDeepLink({ server: new URL(serverUrl()).origin, messageId }), note));

  // A page for people, not part of the API: left out of the OpenAPI document.
  const page = { schema: { hide: true } };
  app.get('/open', page, (_request, reply) => send(reply, 200, null, null));
  app.get<{ Params: { messageId: string } }>('/open/message/:messageId', page, (request, reply) => {
    const id = Id.safeParse(request.params.messageId);
    return id.success
      ? send(reply, 200, id.data, null)
      : send(reply, 404, null, 'This link is not complete, but your messages are all in the app.');
  });
  app.get('/open/*', page, (_request, reply) =>
    send(reply, 404, null, 'This link is not complete, but your messages are all in the app.'),
  );
}
