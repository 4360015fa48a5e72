// Sends the outbox in order: a message's files first, then the message. Network and 5xx errors
// wait and retry with backoff; any other refusal marks the item failed with the server's message
// for the UI to show (with a retry). Nothing is dropped without the server having accepted it.
import type { AccountCache } from '../cache/account-cache.js';
import type { OutboxRow } from '../cache/outbox-store.js';
import type { FileStore } from '../files/file-store.js';
import { Backoff } from '../sync/backoff.js';
import { isRetryable, NetworkError, ServerError, type ServerClient } from '../sync/server-client.js';
import { SendPayload, SettingsPayload, StatePayload } from './outbox-payloads.js';

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
  private running: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The send whose message is being posted right now: too late to cancel. */
  private postingId: number | null = null;
  readonly backoff = new Backoff(500, 60_000);

  constructor(private readonly deps: FlusherDeps) {}

  /** Start flushing now (after a new item, a retry request, or the network coming back). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      if (!(await this.flushAll())) return;
    } while (this.again);
  }

  /** False when it stopped on a retryable error (a retry is scheduled). */
  private async flushAll(): Promise<boolean> {
    let afterId = 0;
    for (;;) {
      if (this.stopped || !this.deps.cache.db.open) return false;
      const item = this.deps.cache.outbox.nextPending(afterId);
      if (!item) return true;
      afterId = item.id;
      try {
        await this.process(item);
        this.backoff.reset();
      } catch (error) {
        if (!this.deps.cache.db.open) return false;
        if (error instanceof ServerError && error.status === 401) {
          this.deps.onAuthRejected();
          return false;
        }
        if (isRetryable(error)) {
          this.deps.onRetryable(error);
          this.retryTimer = setTimeout(() => void this.kick(), this.backoff.nextDelayMs());
          return false;
        }
        this.fail(item, error instanceof Error ? error.message : 'The practice server refused this change.');
      }
    }
  }

  /** True while this send's message is being posted (its files may upload before; it can be cancelled then). */
  isPosting(id: number): boolean {
    return this.postingId === id;
  }

  private async process(item: OutboxRow): Promise<void> {
    switch (item.kind) {
      case 'send':
        return this.send(item, SendPayload.parse(JSON.parse(item.payload)));
      case 'state':
        return this.patchState(item, StatePayload.parse(JSON.parse(item.payload)));
      case 'settings':
        return this.putSettings(item, SettingsPayload.parse(JSON.parse(item.payload)));
    }
  }

  private async send(item: OutboxRow, payload: SendPayload): Promise<void> {
    const { cache, client, files } = this.deps;
    const staged = (payload.request.attachments ?? []).filter((a) => a.kind === 'file');
    for (const file of staged) {
      if (!this.stillQueued(item)) return; // Cancelled while its files were uploading.
      if (payload.uploaded[file.id]) continue;
      const meta = cache.db
        .prepare<[string], { name: string; mime_type: string }>('SELECT name, mime_type FROM staged_files WHERE id = ?')
        .get(file.id);
      const bytes = files.readStaged(file.id);
      if (!meta || !bytes) throw new ItemRefused('An attached file is no longer available; attach it again.');
      const { attachment } = await client.upload(item.practice_id, meta.name, meta.mime_type, bytes);
      payload.uploaded[file.id] = attachment.id;
      files.writeVerified(bytes, attachment.sha256);
      cache.outbox.updatePayload(item, payload);
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
    if (!this.stillQueued(item)) return;
    const { message, state } = await this.postMessage(item, payload, request);
    cache.transaction(() => {
      cache.outbox.remove(item.id);
      cache.writer.upsertFromServer(message, state);
      for (const file of staged) cache.db.prepare('DELETE FROM staged_files WHERE id = ?').run(file.id);
    });
    for (const file of staged) files.removeStaged(file.id);
    this.deps.onChanged([item.practice_id]);
  }

  /** False once the user cancelled it (outbox ids are reused, so the row must still be about the same message). */
  private stillQueued(item: OutboxRow): boolean {
    return this.deps.cache.outbox.get(item.id)?.target === item.target;
  }

  /**
   * Posts the message, noting first that it may reach the server (then it can't be cancelled), and clearing
   * that note when the answer shows it was not stored: no connection at all, or a refusal.
   */
  private async postMessage(item: OutboxRow, payload: SendPayload, request: SendPayload['request']) {
    payload.posted = true;
    this.deps.cache.outbox.updatePayload(item, payload);
    this.postingId = item.id;
    try {
      return await this.deps.client.send(item.practice_id, request);
    } catch (error) {
      const notStored =
        (error instanceof NetworkError && error.requestNotSent) ||
        // 409: a message with this clientId is stored already.
        (error instanceof ServerError && error.status >= 400 && error.status < 500 && error.status !== 409);
      if (notStored && this.deps.cache.db.open) {
        payload.posted = false;
        this.deps.cache.outbox.updatePayload(item, payload);
      }
      throw error;
    } finally {
      this.postingId = null;
    }
  }

  private async patchState(item: OutboxRow, payload: StatePayload): Promise<void> {
    const { cache, client } = this.deps;
    const messageId = this.serverIdOf(item.target ?? '');
    const { state } = await client.patchState(item.practice_id, messageId, payload.patch);
    cache.transaction(() => {
      cache.outbox.remove(item.id);
      cache.writer.applyServerState(state);
    });
    // The outbox shrank: its count (sync status) and the Outbox screen must follow.
    this.deps.onChanged([item.practice_id]);
  }

  private async putSettings(item: OutboxRow, settings: SettingsPayload): Promise<void> {
    const { cache, client } = this.deps;
    const saved = await client.putSettings(item.practice_id, settings);
    cache.transaction(() => {
      cache.outbox.remove(item.id);
      cache.practices.putServerSettings(item.practice_id, saved.settings);
    });
    this.deps.onChanged([item.practice_id]);
  }

  /** A change queued against a message still being sent applies to the server's id once it exists. */
  private serverIdOf(target: string): string {
    if (!target.startsWith('local-')) return target;
    const row = this.deps.cache.db
      .prepare<[string, string], { id: string }>(
        'SELECT id FROM messages WHERE client_id = ? AND outgoing = 1 AND id != ?',
      )
      .get(target.slice('local-'.length), target);
    if (!row) throw new ItemRefused('This change applies to a message that has not been sent.');
    return row.id;
  }

  private fail(item: OutboxRow, reason: string): void {
    const { cache } = this.deps;
    if (!this.stillQueued(item)) return; // Cancelled meanwhile: nothing to mark.
    cache.transaction(() => {
      cache.outbox.markFailed(item.id, reason);
      if (item.kind === 'send' && item.target) {
        cache.db
          .prepare(`UPDATE messages SET delivery = 'failed', delivery_error = ? WHERE id = ?`)
          .run(reason, item.target);
      }
    });
    this.deps.onChanged([item.practice_id]);
  }

  /** Marks a failed item pending again (the UI's retry) and sends it. */
  retry(id: number): boolean {
    const { cache } = this.deps;
    const item = cache.outbox.get(id);
    if (!item) return false;
    cache.transaction(() => {
      cache.outbox.markPending(id);
      if (item.kind === 'send' && item.target) {
        cache.db
          .prepare(`UPDATE messages SET delivery = 'pending', delivery_error = NULL WHERE id = ?`)
          .run(item.target);
      }
    });
    this.deps.onChanged([item.practice_id]);
    void this.kick();
    return true;
  }
}
