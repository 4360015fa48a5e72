// The open live sockets by staff user: tells each one `{"type":"changes","cursor"}` when that
// user's feed grows, pings every 30 s, drops sockets that stopped answering, and closes (4401) a
// socket whose session ended: signed out here at once, expired or revoked elsewhere at the next ping.
import type { WebSocket } from 'ws';
import { LIVE_BAD_TOKEN_CLOSE_CODE, type LiveServerMessage } from '../../common/http/index.js';
import { encodeCursor } from '../services/feed/cursor.js';

export const LIVE_PING_MS = 30_000;

interface LiveSocket {
  socket: WebSocket;
  alive: boolean;
  /** The sha256 of the token it signed in with (services/auth/tokens.ts). */
  tokenHash: string;
}

/** Whether the session behind a token hash still holds (not signed out, not expired). */
export type SessionCheck = (tokenHash: string) => Promise<boolean>;

export class LiveHub {
  private readonly byStaff = new Map<string, Set<LiveSocket>>();
  private readonly pinger: NodeJS.Timeout;

  constructor(
    pingMs: number = LIVE_PING_MS,
    private readonly sessionLive: SessionCheck = () => Promise.resolve(true),
  ) {
    this.pinger = setInterval(() => this.pingAll(), pingMs);
    this.pinger.unref();
  }

  add(staffId: string, socket: WebSocket, tokenHash: string): void {
    const entry: LiveSocket = { socket, alive: true, tokenHash };
    const set = this.byStaff.get(staffId) ?? new Set();
    set.add(entry);
    this.byStaff.set(staffId, set);
    socket.on('pong', () => (entry.alive = true));
    socket.once('close', () => {
      set.delete(entry);
      if (set.size === 0) this.byStaff.delete(staffId);
    });
    send(socket, { type: 'ready' });
  }

  feedGrew(newestSeqByStaff: Map<string, number>): void {
    for (const [staffId, seq] of newestSeqByStaff) {
      for (const entry of this.byStaff.get(staffId) ?? [])
        send(entry.socket, { type: 'changes', cursor: encodeCursor(seq) });
    }
  }

  /**
   * Tells every socket to pull: changes may have been missed (the notice channel from the other
   * instances dropped). Clients pull from their own cursor, so a hint too many costs one request.
   */
  hintEveryone(): void {
    for (const set of this.byStaff.values()) {
      for (const entry of set) send(entry.socket, { type: 'changes', cursor: encodeCursor(0) });
    }
  }

  /** The session behind `tokenHash` signed out: its sockets stop at once. */
  endSession(tokenHash: string): void {
    for (const set of this.byStaff.values()) {
      for (const entry of set) if (entry.tokenHash === tokenHash) closeEnded(entry.socket);
    }
  }

  connectedCount(): number {
    let count = 0;
    for (const set of this.byStaff.values()) count += set.size;
    return count;
  }

  close(): void {
    clearInterval(this.pinger);
    for (const set of this.byStaff.values()) for (const entry of set) entry.socket.terminate();
    this.byStaff.clear();
  }

  private pingAll(): void {
    for (const set of this.byStaff.values()) {
      for (const entry of set) {
        // Closing (signed out, say): let its close handshake finish rather than cut it.
        if (entry.socket.readyState !== entry.socket.OPEN) continue;
        if (!entry.alive) {
          entry.socket.terminate(); // no pong since the last ping: the peer is gone
          continue;
        }
        entry.alive = false;
        entry.socket.ping();
        this.sessionLive(entry.tokenHash).then(
          (live) => live || closeEnded(entry.socket),
          () => undefined, // the database is away: ask again at the next ping
        );
      }
    }
  }
}

function send(socket: WebSocket, message: LiveServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function closeEnded(socket: WebSocket): void {
  socket.close(LIVE_BAD_TOKEN_CLOSE_CODE, 'session ended');
}
