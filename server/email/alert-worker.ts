// Sends queued email alerts through SMTP, off the request path: a failed delivery is retried with
// exponential backoff and given up after a few tries, and never blocks or fails a message send.
import nodemailer, { type Transporter } from 'nodemailer';
import { sql, type Db } from '../db/database.js';
import { alertEmail } from './alert-text.js';

const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const BATCH = 20;

interface QueuedAlert {
  id: number;
  to_address: string;
  practice_name: string;
  attempts: number;
}

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
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly db: Db,
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

  /** Something was queued (or may be due): run soon, unless a run is already going. */
  wake(): void {
    if (!this.transport || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running ??= this.drain().finally(() => {
      this.running = null;
      this.scheduleNext();
    });
  }

  idle(): Promise<void> {
    if (this.queuedCount() === 0 || !this.transport || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Wait a little for a delivery in progress; past that it ends on its own (its row stays queued).
    await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    this.transport?.close();
    this.releaseIdleWaiters();
  }

  private queuedCount(): number {
    if (!this.db.open) return 0;
    return (sql(this.db, "SELECT count(*) AS n FROM email_queue WHERE state = 'queued'").get() as { n: number }).n;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.db.open) return;
      const due = sql(
        this.db,
        "SELECT id, to_address, practice_name, attempts FROM email_queue WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
      ).all(Date.now(), BATCH) as QueuedAlert[];
      if (due.length === 0) return;
      for (const alert of due) await this.deliver(alert);
    }
  }

  private async deliver(alert: QueuedAlert): Promise<void> {
    const { subject, text } = alertEmail(alert.practice_name, this.link);
    try {
      await this.transport?.sendMail({
        from: this.options.from ?? 'Practice Messenger <no-reply@practice-messenger.local>',
        to: alert.to_address,
        subject,
        text,
      });
      if (this.db.open)
        sql(this.db, "UPDATE email_queue SET state = 'sent', attempts = attempts + 1 WHERE id = ?").run(alert.id);
    } catch (error) {
      if (!this.db.open) return;
      const attempts = alert.attempts + 1;
      const backoff = Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (attempts - 1));
      // The SMTP error's text can quote the address; keep only its code for the record.
      const code =
        (error as { code?: string; responseCode?: number }).responseCode ??
        (error as { code?: string }).code ??
        'error';
      sql(
        this.db,
        'UPDATE email_queue SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?',
      ).run(attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', attempts, Date.now() + backoff, String(code), alert.id);
    }
  }

  private scheduleNext(): void {
    if (this.stopped || !this.db.open) return this.releaseIdleWaiters();
    const next = sql(this.db, "SELECT min(next_attempt_at) AS at FROM email_queue WHERE state = 'queued'").get() as {
      at: number | null;
    };
    if (next.at === null) return this.releaseIdleWaiters();
    this.timer = setTimeout(() => this.wake(), Math.max(0, next.at - Date.now()));
    this.timer.unref();
  }

  private releaseIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
