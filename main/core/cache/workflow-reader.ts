// Reads for the team workflow: the portal queue, mute, templates, receipts with names, snoozes due,
// and the facts the notification rules need. Unsent changes made here show on top of the server's view.
import type { PortalThreadFilter, PortalThreadView, ReceiptView, TemplateView } from '../../../common/desktop/index.js';
import type { Message } from '../../../common/http/index.js';
import { ThreadStatePayload } from '../outbox/workflow-payloads.js';
import type { Db } from './driver.js';
import type { OutboxStore } from './outbox-store.js';
import { overlayPortalThread } from './portal-thread-overlay.js';
import { PortalThreadStore } from './portal-thread-store.js';
import type { PracticeStore } from './practice-store.js';
import { SnoozeStore } from './snooze-store.js';
import { TemplateStore } from './template-store.js';
import { ThreadStateStore } from './thread-state-store.js';

/** At most this many closed threads are listed (newest activity first). */
const CLOSED_LIMIT = 200;

export class WorkflowReader {
  private readonly threads: PortalThreadStore;
  private readonly threadState: ThreadStateStore;
  private readonly templateStore: TemplateStore;
  private readonly snoozes: SnoozeStore;
  private readonly lastMessageStmt;

  constructor(
    db: Db,
    private readonly userId: string,
    private readonly practices: PracticeStore,
    private readonly outbox: OutboxStore,
  ) {
    this.threads = new PortalThreadStore(db);
    this.threadState = new ThreadStateStore(db);
    this.templateStore = new TemplateStore(db);
    this.snoozes = new SnoozeStore(db);
    // The root (id = threadId) or the newest reply, by the id and replies-only thread indexes.
    this.lastMessageStmt = db.prepare<{ thread: string }, { id: string }>(
      `SELECT id FROM (
         SELECT id, sent_at FROM messages WHERE id = @thread
         UNION ALL
         SELECT id, sent_at FROM (SELECT id, sent_at FROM messages WHERE thread_id = @thread AND thread_id != id
           ORDER BY sent_at DESC LIMIT 1)
       ) ORDER BY sent_at DESC LIMIT 1`,
    );
  }

  /** The practice's portal threads for one filter, oldest waiting first (then oldest activity). */
  portalThreads(practiceId: string, filter: PortalThreadFilter): PortalThreadView[] {
    const open = filter !== 'closed';
    // A pending close or reopen moves threads between filters, so both statuses are read and filtered after.
    const all = [
      ...this.threads.withStatus(practiceId, 'open'),
      ...(open ? [] : this.threads.withStatus(practiceId, 'closed')),
    ].map((t) => this.view(t.threadId, t));
    const keep: Record<PortalThreadFilter, (t: PortalThreadView) => boolean> = {
      unassigned: (t) => t.status === 'open' && !t.owner,
      mine: (t) => t.status === 'open' && t.owner?.id === this.userId,
      open: (t) => t.status === 'open',
      closed: (t) => t.status === 'closed',
    };
    const list = all.filter((t): t is PortalThreadView => t !== null && keep[filter](t));
    if (filter === 'closed') {
      return list.sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt)).slice(0, CLOSED_LIMIT);
    }
    return list.sort(
      (a, b) =>
        (a.waitingSince ?? '~').localeCompare(b.waitingSince ?? '~') || a.lastMessageAt.localeCompare(b.lastMessageAt),
    );
  }

  /** One portal thread as the queue shows it; null when the thread is not a known portal thread. */
  portalThread(threadId: string): PortalThreadView | null {
    return this.view(threadId, null);
  }

  /** True while an action on the thread waits in the outbox (a new one then queues behind it). */
  portalActionPending(threadId: string): boolean {
    return this.outbox.forTarget('portalThread', threadId).some((i) => i.status === 'pending');
  }

  ownerOf(threadId: string): string | null {
    return this.portalThread(threadId)?.owner?.id ?? null;
  }

  /** Muted for this user, counting a change not yet sent. */
  threadMuted(threadId: string): boolean {
    const pending = this.outbox
      .forTarget('threadState', threadId)
      .filter((i) => i.status === 'pending')
      .at(-1);
    const payload = pending ? ThreadStatePayload.safeParse(JSON.parse(pending.payload)) : null;
    return payload?.success ? payload.data.muted : this.threadState.muted(threadId);
  }

  templates(practiceId: string): TemplateView[] {
    return this.templateStore.list(practiceId).map((t) => ({ ...t, pending: this.templatePending(t.id) }));
  }

  template(id: string): { practiceId: string; template: TemplateView } | null {
    const found = this.templateStore.get(id);
    return found ? { ...found, template: { ...found.template, pending: this.templatePending(id) } } : null;
  }

  /** Named receipts for a message the user sent (names from the practice's directory). */
  receipts(message: Message): ReceiptView[] | undefined {
    if (message.sender.id !== this.userId || !message.receipts) return undefined;
    const names = new Map(this.practices.listStaff(message.practiceId, undefined).map((u) => [u.id, u.name]));
    const recipientNames = new Map(message.recipients.map((r) => [r.id, r.name]));
    return message.receipts.map((r) => ({
      ...r,
      name: names.get(r.userId) ?? recipientNames.get(r.userId) ?? 'A colleague',
    }));
  }

  /** The user's role in a practice, once its directory is known. */
  role(practiceId: string): string | null {
    return this.staffName(practiceId, this.userId)?.role ?? null;
  }

  nextSnoozeDue(): string | null {
    return this.snoozes.nextDue();
  }

  private templatePending(id: string): boolean {
    return this.outbox.forTarget('template', id).some((i) => i.status === 'pending');
  }

  private view(threadId: string, known: ReturnType<PortalThreadStore['get']>): PortalThreadView | null {
    const thread = known ?? this.threads.get(threadId);
    if (!thread) return null;
    const lastMessageId = this.lastMessageStmt.get({ thread: threadId })?.id ?? threadId;
    const me = { id: this.userId, name: this.staffName(thread.practiceId, this.userId)?.name ?? 'You' };
    return overlayPortalThread(thread, this.outbox.forTarget('portalThread', threadId), me, lastMessageId);
  }

  private staffName(practiceId: string, userId: string) {
    return this.practices.listStaff(practiceId, undefined).find((u) => u.id === userId) ?? null;
  }
}
