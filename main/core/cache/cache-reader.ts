// The main thread's typed read side of an account cache, over its own read-only connection (WAL:
// reads never wait for the writer thread). Every read the engine makes is a method here.
import type {
  Folder,
  MessagePage,
  MessageView,
  OutboxItem,
  SearchHit,
  UnreadCounts,
} from '../../../common/desktop/index.js';
import type { PracticeRef, PracticeSettings, StaffUser } from '../../../common/http/index.js';
import { AttachmentStore, type CachedFileAttachment } from './attachment-store.js';
import { DraftStore } from './draft-store.js';
import type { Db } from './driver.js';
import { KeyValues, PASSWORD_VERIFIER_KEY } from './kv.js';
import { MessageQueries } from './message-queries.js';
import { OutboxStore, type OutboxRow } from './outbox-store.js';
import { PracticeStore } from './practice-store.js';
import { RecordStore, type RecordKind } from './record-store.js';
import { StagedFileStore, type StagedFile } from './staged-file-store.js';
import { CURSOR_KEY, INITIAL_SYNC_KEY } from './sync-page-writer.js';
import { WorkflowReader } from './workflow-reader.js';

export class CacheReader {
  /** Portal queue, mute, templates, receipts, snoozes (second wave). */
  readonly workflow: WorkflowReader;
  private readonly kv: KeyValues;
  private readonly practiceStore: PracticeStore;
  private readonly messages: MessageQueries;
  private readonly attachments: AttachmentStore;
  private readonly outbox: OutboxStore;
  private readonly records: RecordStore;
  private readonly drafts: DraftStore;
  private readonly staged: StagedFileStore;

  constructor(
    private readonly db: Db,
    userId: string,
  ) {
    this.kv = new KeyValues(db);
    this.practiceStore = new PracticeStore(db);
    this.outbox = new OutboxStore(db);
    this.workflow = new WorkflowReader(db, userId, this.practiceStore, this.outbox);
    this.messages = new MessageQueries(db, this.practiceStore, userId, (m) => this.workflow.receipts(m));
    this.attachments = new AttachmentStore(db);
    this.records = new RecordStore(db);
    this.drafts = new DraftStore(db);
    this.staged = new StagedFileStore(db);
  }

  /** False once the cache is closed (late callbacks check it before reading). */
  get isOpen(): boolean {
    return this.db.open;
  }

  // Practices, directory, settings
  practices(): PracticeRef[] {
    return this.practiceStore.practices();
  }
  hasPractice(practiceId: string): boolean {
    return this.practices().some((p) => p.id === practiceId);
  }
  settings(practiceId: string): PracticeSettings {
    return this.practiceStore.settings(practiceId);
  }
  listStaff(practiceId: string, query: string | undefined): StaffUser[] {
    return this.practiceStore.listStaff(practiceId, query);
  }

  // Messages
  listFolder(practiceId: string, folder: Folder, cursor: string | null, limit: number): MessagePage {
    return this.messages.listFolder(practiceId, folder, cursor, limit);
  }
  thread(messageId: string): MessageView[] | null {
    return this.messages.thread(messageId);
  }
  search(practiceId: string, query: string, limit: number): SearchHit[] {
    return this.messages.search(practiceId, query, limit);
  }
  unreadCounts(practiceIds: string[]): UnreadCounts {
    return this.messages.unreadCounts(practiceIds);
  }
  messageCount(): number {
    return this.messages.messageCount();
  }
  practiceOf(messageId: string): string | null {
    return this.messages.practiceOf(messageId);
  }
  /** The server's id for a delivered local id (the id itself for a server id); null while undelivered. */
  deliveredIdOf(messageId: string): string | null {
    return this.messages.deliveredIdOf(messageId);
  }
  notifiable(messageId: string): boolean {
    return this.messages.notifiable(messageId);
  }
  fileAttachment(messageId: string, attachmentId: string): CachedFileAttachment | null {
    return this.attachments.file(messageId, attachmentId);
  }

  // Outbox and staged files
  nextPendingOutbox(afterId: number): OutboxRow | null {
    return this.outbox.nextPending(afterId);
  }
  outboxItems(): OutboxItem[] {
    return this.outbox.list();
  }
  pendingOutboxCount(): number {
    return this.outbox.pendingCount();
  }
  stagedFile(id: string): StagedFile | null {
    return this.staged.get(id);
  }

  // Records, drafts, small values
  record<T>(practiceId: string, kind: RecordKind, key: string): T | null {
    return this.records.get<T>(practiceId, kind, key);
  }
  draft<T>(practiceId: string): T | null {
    return this.drafts.get<T>(practiceId);
  }
  syncCursor(): string | null {
    return this.kv.get(CURSOR_KEY);
  }
  initialSyncDone(): boolean {
    return this.kv.get(INITIAL_SYNC_KEY) === '1';
  }
  passwordVerifier(): string | null {
    return this.kv.get(PASSWORD_VERIFIER_KEY);
  }
}
