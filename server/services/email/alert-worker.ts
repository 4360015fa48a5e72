// Sends queued email alerts through SMTP, off the request path: a failed delivery is retried with
// exponential backoff and given up after a few tries, and never blocks or fails a message send.
// With several instances each one claims due alerts for a lease (storage/queries/email-queue.ts),
// so every alert goes out once, and again only if the instance sending it died meanwhile.
import nodemailer, { type Transporter } from 'nodemailer';
import {
  claimDueAlerts,
  markAlertFailed,
  markAlertSent,
  nextAlertDueAt,
  queuedAlertCount,
  type ClaimedAlert,
} from '../../storage/queries/email-queue.js';
import type { Executor } from '../../storage/schema.js';
import { alertEmail } from './alert-text.js';

const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const BATCH = 20;
/** How long a claimed alert is this instance's to send (an SMTP exchange takes seconds at most). */
const LEASE_MS = 5 * 60 * 1000;
/** Alerts other instances queued are found by this poll (this instance's own wake it at once). */
const POLL_MS = 30_000;

export interface AlertWorkerOptions {
  smtpUrl: string | null;
  retryBaseMs?: number;
  from?: string;
}

export class AlertWorker {
  private readonly transport: Transporter | null;
  private readonly retryBaseMs: number;
  private link = '';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private rerun = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Executor,
    private readonly options: AlertWorkerOptions,
  ) {
    // Short timeouts: an unreachable SMTP server must not hold the queue (or a shutdown) for minutes.
    this.transport = options.smtpUrl
      ? nodemailer.createTransport({
          url: options.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  start(link: string): void {
    this.link = link;
    this.wake();
  }

  /** Something was queued (or may be due): run soon; a run already going runs once more. */
  wake(): void {
    if (!this.transport || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running) {
      this.rerun = true;
      return;
    }
    this.running = this.drain()
      .catch(() => undefined) // the database is away: the next poll tries again
      .finally(() => {
        this.running = null;
        if (this.rerun) {
          this.rerun = false;
          return this.wake();
        }
        void this.scheduleNext();
      });
  }

  /** Resolves once no alert is waiting to be sent (sent, or given up after retries). */
  async idle(): Promise<void> {
    if (!this.transport || this.stopped || (await queuedAlertCount(this.db)) === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Wait a little for a delivery in progress; past that it ends on its own (its lease runs out).
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    this.transport?.close();
    this.releaseIdleWaiters();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const due = await claimDueAlerts(this.db, Date.now(), LEASE_MS, BATCH);
      if (due.length === 0) return;
      for (const alert of due) await this.deliver(alert);
    }
  }

  private async deliver(alert: ClaimedAlert): Promise<void> {
    const { subject, text } = alertEmail(alert.practice_name, this.link, alert.message_id);
    try {
      await this.transport?.sendMail({
        from: this.options.from ?? 'Practice Messenger <no-reply@practice-messenger.local>',
        to: alert.to_address,
        subject,
        text,
      });
      await markAlertSent(this.db, alert.id, Date.now());
    } catch (error) {
      const attempts = alert.attempts + 1;
      const backoff = Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (attempts - 1));
      // The SMTP error's text can quote the address; keep only its code for the record.
      const code =
        (error as { code?: string; responseCode?: number }).responseCode ??
        (error as { code?: string }).code ??
        'error';
      await markAlertFailed(this.db, alert.id, {
        attempts,
        givenUp: attempts >= MAX_ATTEMPTS,
        nextAttemptAt: Date.now() + backoff,
        code: String(code),
      });
    }
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped) return this.releaseIdleWaiters();
    let next: number | null = null;
    try {
      next = await nextAlertDueAt(this.db);
    } catch {
      next = Date.now() + POLL_MS;
    }
    if (this.stopped) return this.releaseIdleWaiters();
    if (next === null) this.releaseIdleWaiters();
    const wait = next === null ? POLL_MS : Math.min(POLL_MS, Math.max(0, next - Date.now()));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
