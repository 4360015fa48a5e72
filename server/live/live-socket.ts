// One live socket's start: the first message must be `{"type":"auth","token"}` with a staff token
// (else close 4401); then the socket joins the hub, which says `ready` and sends the hints.
import type { WebSocket } from 'ws';
import { LIVE_BAD_TOKEN_CLOSE_CODE, LiveClientMessage } from '../../common/http/index.js';
import { authenticate } from '../services/auth/authenticate.js';
import { hashToken } from '../services/auth/tokens.js';
import type { ServerContext } from '../services/context.js';
import type { LiveHub } from './live-hub.js';

const AUTH_DEADLINE_MS = 10_000;

export function acceptLiveSocket(ctx: ServerContext, live: LiveHub, socket: WebSocket): void {
  const refuse = (): void => socket.close(LIVE_BAD_TOKEN_CLOSE_CODE, 'invalid token');
  const deadline = setTimeout(refuse, AUTH_DEADLINE_MS);
  socket.once('close', () => clearTimeout(deadline));
  socket.once('message', (data) => {
    clearTimeout(deadline);
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return refuse();
    }
    const auth = LiveClientMessage.safeParse(parsed);
    if (!auth.success) return refuse();
    authenticate(ctx, auth.data.token, 'staff').then(
      (staffId) => {
        if (socket.readyState === socket.OPEN) live.add(staffId, socket, hashToken(auth.data.token));
      },
      () => refuse(),
    );
  });
}
