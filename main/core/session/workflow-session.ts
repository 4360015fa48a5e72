// The team workflow at run time, for one signed-in account: urgent messages alert at once and again until
// read; snoozes wake when due (offline too) and notify; templates and the open portal queue are fetched
// once per session (the feed carries later changes).
import type { WorkflowPreferences } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import type { AccountCache } from '../cache/account-cache.js';
import type { StoredPageSummary } from '../cache/writer/write-ops.js';
import type { NotificationDispatcher } from '../notify/notification-dispatcher.js';
import { UrgentRealerter } from '../notify/urgent-realerter.js';
import type { WorkflowClient } from '../sync/workflow-client.js';

/** setTimeout's longest delay; a snooze further out is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WorkflowSessionDeps {
  cache: AccountCache;
  client: WorkflowClient;
  dispatcher: NotificationDispatcher;
  alertPreferences(): WorkflowPreferences;
  /** How long a "minute" of the re-alert preference is (tests shorten it). */
  minuteMs: number;
  /** Snoozes woke: refresh the UI and the badge. */
  onChanged(): void;
}

export class WorkflowSession {
  private readonly realerter: UrgentRealerter;
  private snoozeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: WorkflowSessionDeps) {
    this.realerter = new UrgentRealerter({
      intervalMs: () => deps.alertPreferences().urgentRealertMinutes * deps.minuteMs,
      stillUnread: (m) => this.readable() && deps.cache.reader.notifiable(m.id),
      alert: (m) => deps.dispatcher.raiseUrgent(m),
    });
  }

  start(): void {
    void this.wakeDueSnoozes();
  }

  /** New (or returning) messages worth a notification: urgent ones at once and repeated, others batched. */
  notify(messages: Message[]): void {
    for (const message of messages) {
      if (message.priority !== 'urgent') {
        this.deps.dispatcher.add([message]);
        continue;
      }
      this.deps.dispatcher.raiseUrgent(message);
      this.realerter.track(message);
    }
  }

  /** After a stored page: messages whose snooze the server ended notify; snooze times may have moved. */
  afterPage(page: StoredPageSummary): void {
    this.notify(this.messages(page.wokenIds));
    this.scheduleWaker();
  }

  /** After a local change (the user may have snoozed something). */
  afterLocalChange(): void {
    this.scheduleWaker();
  }

  /** Templates and the open portal queue as the server has them now (the feed carries what changes next). */
  async refreshFromServer(practiceId: string): Promise<void> {
    try {
      const [{ templates }, { threads }] = await Promise.all([
        this.deps.client.templates(practiceId),
        this.deps.client.portalThreads(practiceId, 'open'),
      ]);
      if (this.stopped) return;
      await this.deps.cache.writer.putTemplates(practiceId, templates);
      await this.deps.cache.writer.putPortalThreads(threads);
    } catch {
      // Best effort (an older server has no such routes; offline, the feed brings them later).
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.snoozeTimer = null;
    this.realerter.stop();
  }

  private readable(): boolean {
    return !this.stopped && this.deps.cache.reader.isOpen;
  }

  private scheduleWaker(): void {
    if (!this.readable()) return;
    if (this.snoozeTimer) clearTimeout(this.snoozeTimer);
    this.snoozeTimer = null;
    const next = this.deps.cache.reader.workflow.nextSnoozeDue();
    if (!next) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(next) - Date.now()));
    this.snoozeTimer = setTimeout(() => void this.wakeDueSnoozes(), delay);
  }

  /** Brings back what is due (as the server does, so it works offline too) and notifies. */
  private async wakeDueSnoozes(): Promise<void> {
    if (!this.readable()) return;
    try {
      const woken = await this.deps.cache.writer.wakeSnoozes(new Date().toISOString());
      if (woken.length > 0) {
        this.deps.onChanged();
        this.notify(this.messages(woken));
      }
    } catch {
      // The cache closed meanwhile (sign-out): nothing to wake.
    }
    this.scheduleWaker();
  }

  private messages(ids: string[]): Message[] {
    if (!this.readable()) return [];
    return ids.flatMap((id) => {
      const view = this.deps.cache.reader.thread(id)?.find((v) => v.message.id === id);
      return view ? [view.message] : [];
    });
  }
}
