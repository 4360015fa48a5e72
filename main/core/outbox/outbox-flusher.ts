// Sends the outbox in order: a message's files first, then the message. Network and 5xx errors
// wait and retry with backoff; any other refusal marks the item failed with the server's message
// for the UI to show (with a retry). Nothing is dropped without the server having accepted it.
import { Throttler } from '../async/throttler.js';
import { WriteInterrupted, type AccountCache } from '../cache/account-cache.js';
import type { OutboxRow } from '../cache/outbox-store.js';
import type { FileStore } from '../files/file-store.js';
import { Backoff } from '../sync/backoff.js';
import { isRetryable, NetworkError, ServerError, type ServerClient } from '../sync/server-client.js';
import { WorkflowClient } from '../sync/workflow-client.js';
import { SendPayload, SettingsPayload, StatePayload } from './outbox-payloads.js';
import { WorkflowSender } from './workflow-sender.js';

export interface FlusherDeps {
  cache: AccountCache;
  client: ServerClient;
  files: FileStore;
  /** Local rows changed (a send delivered or failed). */
  onChanged(practiceIds: string[]): void;
  onRetryable(error: unknown): void;
  onAuthRejected(): void;
}

class ItemRefused extends Error {}

export class OutboxFlusher {
  private readonly throttler = new Throttler();
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  readonly backoff = new Backoff(500, 60_000);
  private readonly workflow: WorkflowSender;

  constructor(private readonly deps: FlusherDeps) {
    this.workflow = new WorkflowSender(deps.cache, new WorkflowClient(deps.client));
  }

  /** Start flushing now (after a new item, a retry request, or the network coming back). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.throttler.queue(async () => {
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      await this.flushAll();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** False when it stopped on a retryable error (a retry is scheduled). */
  private async flushAll(): Promise<boolean> {
    let afterId = 0;
    for (;;) {
      if (this.stopped || !this.deps.cache.reader.isOpen) return false;
      const item = this.deps.cache.reader.nextPendingOutbox(afterId);
      if (!item) return true;
      afterId = item.id;
      try {
        await this.process(item);
        this.backoff.reset();
      } catch (error) {
        if (this.stopped || !this.deps.cache.reader.isOpen) return false;
        if (error instanceof ServerError && error.status === 401) {
          this.deps.onAuthRejected();
          return false;
        }
        // The cache writer restarted under this item: nothing is known to be lost, so it goes again (same clientId).
        if (isRetryable(error) || error instanceof WriteInterrupted) {
          this.deps.onRetryable(error);
          this.retryTimer = setTimeout(() => void this.kick(), this.backoff.nextDelayMs());
          return false;
        }
        await this.fail(item, error instanceof Error ? error.message : 'The practice server refused this change.');
      }
    }
  }

  private async process(item: OutboxRow): Promise<void> {
    switch (item.kind) {
      case 'send':
        return this.send(item, SendPayload.parse(JSON.parse(item.payload)));
      case 'state':
        return this.patchState(item, StatePayload.parse(JSON.parse(item.payload)));
      case 'settings':
        return this.putSettings(item, SettingsPayload.parse(JSON.parse(item.payload)));
      case 'portalThread':
        await this.workflow.portal(item);
        return this.deps.onChanged([item.practice_id]);
      case 'threadState':
        await this.workflow.threadState(item);
        return this.deps.onChanged([item.practice_id]);
      case 'template':
        await this.workflow.template(item);
        return this.deps.onChanged([item.practice_id]);
    }
  }

  private async send(item: OutboxRow, payload: SendPayload): Promise<void> {
    const { cache, client, files } = this.deps;
    const staged = (payload.request.attachments ?? []).filter((a) => a.kind === 'file');
    for (const file of staged) {
      if (payload.uploaded[file.id]) continue;
      const meta = cache.reader.stagedFile(file.id);
      const bytes = files.readStaged(file.id);
      if (!meta || !bytes) throw new ItemRefused('An attached file is no longer available; attach it again.');
      const { attachment } = await client.upload(item.practice_id, meta.name, meta.mimeType, bytes);
      payload.uploaded[file.id] = attachment.id;
      files.writeVerified(bytes, attachment.sha256);
      if (!(await cache.writer.outboxProgress(item.id, item.target, payload))) return; // Cancelled meanwhile.
    }
    const request = {
      ...payload.request,
      ...(payload.request.attachments
        ? {
            attachments: payload.request.attachments.map((a) =>
              a.kind === 'file' ? { kind: a.kind, id: payload.uploaded[a.id] ?? a.id } : a,
            ),
          }
        : {}),
    };
    const sent = await this.postMessage(item, payload, request);
    if (!sent) return;
    const { message, state } = sent;
    await cache.writer.outboxSent(
      item.id,
      message,
      state,
      staged.map((file) => file.id),
    );
    for (const file of staged) files.removeStaged(file.id);
    this.deps.onChanged([item.practice_id]);
  }

  /**
   * Posts the message, noting first that it may reach the server (from then on it can't be cancelled; null
   * when it was cancelled before that note), and clearing the note when the answer shows it was not stored:
   * no connection was made, or the server refused it.
   */
  private async postMessage(item: OutboxRow, payload: SendPayload, request: SendPayload['request']) {
    const { cache, client } = this.deps;
    if (!(await cache.writer.outboxProgress(item.id, item.target, { ...payload, posted: true }))) return null;
    try {
      return await client.send(item.practice_id, request);
    } catch (error) {
      const notStored =
        (error instanceof NetworkError && error.requestNotSent) ||
        // 409: a message with this clientId is stored already.
        (error instanceof ServerError && error.status >= 400 && error.status < 500 && error.status !== 409);
      if (notStored && cache.reader.isOpen) await cache.writer.outboxProgress(item.id, item.target, payload);
      throw error;
    }
  }

  private async patchState(item: OutboxRow, payload: StatePayload): Promise<void> {
    const { cache, client } = this.deps;
    const until = payload.patch.snoozedUntil;
    // Its time passed while it waited (offline): the local snooze has already ended; send the rest, if any.
    if (until && Date.parse(until) <= Date.now()) {
      if (!(await cache.writer.dropPastSnooze(item.id, payload.patch))) return;
      const { snoozedUntil: _past, ...rest } = payload.patch;
      return this.patchState(item, { patch: rest });
    }
    const messageId = this.serverIdOf(item.target ?? '');
    const { state } = await client.patchState(item.practice_id, messageId, payload.patch);
    await cache.writer.outboxStateApplied(item.id, state);
    // The outbox shrank: its count (sync status) and the Outbox screen must follow.
    this.deps.onChanged([item.practice_id]);
  }

  private async putSettings(item: OutboxRow, settings: SettingsPayload): Promise<void> {
    const { cache, client } = this.deps;
    const saved = await client.putSettings(item.practice_id, settings);
    await cache.writer.outboxSettingsApplied(item.id, item.practice_id, saved.settings);
    this.deps.onChanged([item.practice_id]);
  }

  /** A change queued against a message still being sent applies to the server's id once it exists. */
  private serverIdOf(target: string): string {
    const id = this.deps.cache.reader.deliveredIdOf(target);
    if (!id) throw new ItemRefused('This change applies to a message that has not been sent.');
    return id;
  }

  private async fail(item: OutboxRow, reason: string): Promise<void> {
    await this.deps.cache.writer.outboxFailed(item.id, reason, item.target);
    this.deps.onChanged([item.practice_id]);
  }

  /** Marks a failed item pending again (the UI's retry) and sends it. */
  async retry(id: number): Promise<boolean> {
    const practiceId = await this.deps.cache.writer.outboxRetry(id);
    if (practiceId === null) return false;
    this.deps.onChanged([practiceId]);
    void this.kick();
    return true;
  }
}
