// The live socket (API.md "Sync"): authenticates, reports `changes` hints, and reconnects with
// capped exponential backoff and full jitter; `reconnectNow()` skips the wait when the OS says
// the network is back.
import WebSocket from 'ws';
import { API_BASE } from '../../../common/limits.js';
import { LIVE_BAD_TOKEN_CLOSE_CODE, LiveServerMessage } from '../../../common/http/index.js';
import { nodeTransport } from '../network/node-transport.js';
import type { ServerTransport } from '../network/server-transport.js';
import { Backoff } from './backoff.js';

export interface LiveSocketEvents {
  onReady(): void;
  onChanges(cursor: string): void;
  onDown(): void;
  onAuthRejected(): void;
}

/** The server pings every 30 s; silence well past that means a dead connection. */
const SILENCE_LIMIT_MS = 75_000;

export class LiveSocket {
  private socket: WebSocket | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private ready = false;
  readonly backoff = new Backoff(500, 60_000);

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly events: LiveSocketEvents,
    /** Network path to the server (network/server-transport.ts); by default Node's, with the environment's proxy. */
    private readonly transport: ServerTransport = nodeTransport()(serverUrl),
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Connect at once (network back, or a request just succeeded) unless already connected. */
  reconnectNow(): void {
    if (this.stopped) return;
    this.backoff.reset();
    if (this.socket || this.connecting) return;
    this.clearRetry();
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.connecting = null;
    this.clearRetry();
    this.clearSilence();
    this.socket?.terminate();
    this.socket = null;
    this.ready = false;
  }

  private connect(): void {
    const url = new URL(`${API_BASE}/live`, this.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    // Finding the proxy may take a moment (Electron asks Chromium): meanwhile `connecting` stands for the socket.
    const attempt: Promise<void> = this.transport
      .liveSocketOptions(new URL(this.serverUrl))
      .catch(() => ({}))
      .then((options) => {
        if (this.connecting !== attempt) return; // stopped meanwhile
        this.connecting = null;
        this.open(url, options);
      });
    this.connecting = attempt;
  }

  private open(url: URL, options: Pick<WebSocket.ClientOptions, 'agent' | 'ca'>): void {
    const socket = new WebSocket(url, { handshakeTimeout: 15_000, ...options });
    this.socket = socket;
    socket.on('open', () => {
      this.backoff.reset();
      socket.send(JSON.stringify({ type: 'auth', token: this.token }));
      this.armSilence();
    });
    socket.on('ping', () => this.armSilence());
    socket.on('message', (data) => {
      this.armSilence();
      this.onMessage(data.toString());
    });
    socket.on('close', (code) => this.onClose(socket, code));
    socket.on('error', () => {
      // 'close' follows every error; reconnection is handled there.
    });
  }

  private onMessage(text: string): void {
    let parsed;
    try {
      parsed = LiveServerMessage.safeParse(JSON.parse(text));
    } catch {
      return;
    }
    if (!parsed.success) return;
    if (parsed.data.type === 'ready') {
      this.ready = true;
      this.events.onReady();
    } else {
      this.events.onChanges(parsed.data.cursor);
    }
  }

  private onClose(socket: WebSocket, code: number): void {
    if (this.socket !== socket) return;
    this.socket = null;
    this.ready = false;
    this.clearSilence();
    if (this.stopped) return;
    if (code === LIVE_BAD_TOKEN_CLOSE_CODE) {
      this.events.onAuthRejected();
      return;
    }
    this.events.onDown();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.connect();
    }, this.backoff.nextDelayMs());
  }

  private armSilence(): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => this.socket?.terminate(), SILENCE_LIMIT_MS);
  }

  private clearSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
