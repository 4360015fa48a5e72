// LISTENs for the feed sequencer's notices (other instances' new changes) on a connection of its own.
// When that connection drops, notices may have been missed: `onLost` fires (the server then hints
// every local socket, and clients pull from their cursors, so a lost notice costs nothing) and the
// listener reconnects with capped exponential backoff and full jitter, until close().
import pg from 'pg';
import { FEED_CHANNEL, type FeedNotice } from './feed-sequencer.js';
import { postgresTypes } from './open-postgres.js';

export interface FeedListenerEvents {
  /** Another instance's changes: the newest seq per staff id. */
  onNotice(grown: Map<string, number>): void;
  /** The connection dropped (or could not be opened): notices may have been missed. */
  onLost(): void;
  /** Listening again after a loss. */
  onListening?(): void;
}

export interface BackoffOptions {
  firstDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_BACKOFF: BackoffOptions = { firstDelayMs: 250, maxDelayMs: 10_000 };

export class FeedListener {
  private client: pg.Client | null = null;
  private closed = false;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly instanceId: string,
    private readonly events: FeedListenerEvents,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {}

  /** Connects and listens; resolves once listening (or once the first attempt failed and a retry is scheduled). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** True while the notice connection is open and listening. */
  get listening(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, types: postgresTypes, keepAlive: true });
    let lost = false;
    const onLost = (): void => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.events.onLost();
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel !== FEED_CHANNEL || !message.payload) return;
      const notice = parseNotice(message.payload);
      if (notice && notice.from !== this.instanceId) this.events.onNotice(new Map(notice.grown));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${FEED_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    const recovered = this.failures > 0;
    this.failures = 0;
    if (recovered) this.events.onListening?.();
  }

  private scheduleReconnect(): void {
    const ceiling = Math.min(this.backoff.maxDelayMs, this.backoff.firstDelayMs * 2 ** this.failures);
    this.failures += 1;
    const delay = Math.random() * ceiling; // full jitter: instances do not come back in step
    this.timer = setTimeout(() => void this.connect(), delay);
    this.timer.unref();
  }
}

function parseNotice(payload: string): FeedNotice | null {
  try {
    const notice = JSON.parse(payload) as FeedNotice;
    return typeof notice.from === 'string' && Array.isArray(notice.grown) ? notice : null;
  } catch {
    return null;
  }
}
