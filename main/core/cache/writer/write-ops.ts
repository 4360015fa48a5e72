// Every write the cache accepts, run in the writer thread over its own connection; each call is
// one transaction. The main thread reaches these only through CacheWriter (writer-client.ts).
import type { MailboxState, Message, PracticeRef, PracticeSettings, StaffUser } from '../../../../common/http/index.js';
import type { StatePatch } from '../../../../common/http/index.js';
import { badResponse } from '../../sync/server-client.js';
import { parseSyncPage } from '../../sync/parse-sync-page.js';
import { DraftStore } from '../draft-store.js';
import type { Db } from '../driver.js';
import { FtsIndexer } from '../fts-indexer.js';
import { KeyValues, PASSWORD_VERIFIER_KEY } from '../kv.js';
import { MessageWriter } from '../message-writer.js';
import { OutboxStore } from '../outbox-store.js';
import { PracticeStore } from '../practice-store.js';
import { RecordStore, type RecordKind } from '../record-store.js';
import { StagedFileStore, type StagedFile } from '../staged-file-store.js';
import { SyncPageWriter, type StoredPage } from '../sync-page-writer.js';
import { UserActions, type QueuedCompose, type QueuedThread } from './user-actions.js';
import { createWorkflowOps } from './workflow-ops.js';
import type { Party } from '../../../../common/http/index.js';

export interface CacheChecks {
  integrity: string;
  searchIndex: 'ok' | 'failed';
}

export function createWriteOps(db: Db, userId: string) {
  const kv = new KeyValues(db);
  const practices = new PracticeStore(db);
  const messages = new MessageWriter(db, userId);
  const outbox = new OutboxStore(db);
  const records = new RecordStore(db);
  const drafts = new DraftStore(db);
  const staged = new StagedFileStore(db);
  const pages = new SyncPageWriter(db, userId, messages, practices, kv);
  const search = new FtsIndexer(db);
  const actions = new UserActions({ db, messages, outbox, practices, records, staged });
  const tx =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R =>
      db.transaction(fn)(...args);

  return {
    ...createWorkflowOps(db, outbox),
    replacePractices: (list: PracticeRef[]) => practices.replacePractices(list),

    /**
     * Checks and stores fetched /sync pages (raw JSON, parsed here, off the main thread) with the
     * last one's cursor, in one transaction. New messages come back only after the backfill, the
     * only time the notification rules look at them.
     */
    storeSyncPages(texts: string[], wantNewMessages: boolean): StoredPageSummary {
      const parsed = texts.map((text) => parseSyncPage(safeJson(text)));
      if (parsed.some((p) => p === null)) throw badResponse();
      const last = parsed[parsed.length - 1];
      if (!last) return { newMessages: [], insertedCount: 0, practiceIds: [], wokenIds: [] };
      const changes = parsed.length === 1 ? last.changes : parsed.flatMap((p) => p?.changes ?? []);
      const page = pages.store(changes, last.cursor, !last.more);
      return {
        newMessages: wantNewMessages ? page.newMessages : [],
        insertedCount: page.insertedCount,
        practiceIds: [...page.practiceIds],
        wokenIds: page.wokenIds,
      };
    },

    putDirectory: tx((practiceId: string, users: StaffUser[], settings: PracticeSettings) => {
      for (const user of users) practices.putUser(practiceId, user);
      practices.putServerSettings(practiceId, settings);
    }),

    setPasswordVerifier: (verifier: string) => kv.set(PASSWORD_VERIFIER_KEY, verifier),
    putRecord: (practiceId: string, kind: RecordKind, key: string, value: unknown) =>
      records.put(practiceId, kind, key, value),
    putDraft: (practiceId: string, draft: unknown) => drafts.put(practiceId, draft),
    stageFile: (file: StagedFile) => staged.add(file),

    queueMessage: (me: Party, practiceId: string, compose: QueuedCompose, thread: QueuedThread) =>
      actions.queueMessage(me, practiceId, compose, thread),
    queueState: (messageId: string, patch: StatePatch) => actions.queueState(messageId, patch),
    queueSettings: (practiceId: string, settings: PracticeSettings) => actions.queueSettings(practiceId, settings),

    /**
     * A send's progress (staged id -> server upload id, so a retry never uploads twice; `posted` before its
     * post). False when the user cancelled it meanwhile: then it must not be posted.
     */
    outboxProgress: (itemId: number, target: string | null, payload: unknown) =>
      outbox.updateSendPayload(itemId, target, payload),
    /** The user takes back a send the server cannot have yet (user-actions.ts says when). */
    cancelSend: (itemId: number, messageId: string) => actions.cancelSend(itemId, messageId),
    /** The server accepted the send: the outbox row goes, its echo replaces the local row. */
    outboxSent: tx((itemId: number, message: Message, state: MailboxState, stagedIds: string[]) => {
      outbox.remove(itemId);
      messages.upsertFromServer(message, state);
      for (const id of stagedIds) staged.remove(id);
    }),
    outboxStateApplied: tx((itemId: number, state: MailboxState) => {
      outbox.remove(itemId);
      messages.applyServerState(state);
    }),
    outboxSettingsApplied: tx((itemId: number, practiceId: string, settings: PracticeSettings) => {
      outbox.remove(itemId);
      practices.putServerSettings(practiceId, settings);
    }),
    /** The server refused the item: kept, marked failed with its reason, a send's row shows it too. */
    /** `target`, when given, must still match (a send cancelled meanwhile leaves nothing to mark). */
    outboxFailed: tx((itemId: number, reason: string, target?: string | null) => {
      const item = outbox.get(itemId);
      if (!item || (target !== undefined && item.target !== target)) return;
      outbox.markFailed(itemId, reason);
      if (item.kind === 'send' && item.target) messages.markDelivery(item.target, 'failed', reason);
    }),
    /** The UI's retry: pending again; returns the item's practice, or null when there is no such item. */
    outboxRetry: tx((itemId: number): string | null => {
      const item = outbox.get(itemId);
      if (!item) return null;
      outbox.markPending(itemId);
      if (item.kind === 'send' && item.target) messages.markDelivery(item.target, 'pending', null);
      return item.practice_id;
    }),

    /** Indexes everything not yet searchable, in small batches that let other writes in between. */
    indexForSearch: () => search.catchUp(() => db.open),

    /** integrity_check and the search index's own check (after indexing everything). */
    async checkIntegrity(): Promise<CacheChecks> {
      await search.catchUp(() => db.open, 5000);
      const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'failed';
      try {
        search.check();
        return { integrity, searchIndex: 'ok' };
      } catch {
        return { integrity, searchIndex: 'failed' };
      }
    },
  };
}

export type WriteOps = ReturnType<typeof createWriteOps>;

/** What a stored batch of pages reports back to the main thread. */
export type StoredPageSummary = Omit<StoredPage, 'practiceIds'> & { practiceIds: string[] };

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
