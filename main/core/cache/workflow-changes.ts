// Applies the second-wave change kinds of a /sync page (receipts, portal threads, templates, thread
// state) inside the page's transaction, so they commit with its cursor.
import type { Change } from '../../../common/http/index.js';
import type { Db } from './driver.js';
import { PortalThreadStore } from './portal-thread-store.js';
import { ReceiptWriter } from './receipt-writer.js';
import { TemplateStore } from './template-store.js';
import { ThreadStateStore } from './thread-state-store.js';

export type WorkflowChange = Extract<
  Change,
  { kind: 'receipt' | 'portalThread' | 'template' | 'templateRemoved' | 'threadState' }
>;

export class WorkflowChanges {
  private readonly receipts: ReceiptWriter;
  private readonly threads: PortalThreadStore;
  private readonly templates: TemplateStore;
  private readonly threadState: ThreadStateStore;

  constructor(db: Db) {
    this.receipts = new ReceiptWriter(db);
    this.threads = new PortalThreadStore(db);
    this.templates = new TemplateStore(db);
    this.threadState = new ThreadStateStore(db);
  }

  apply(change: WorkflowChange): void {
    switch (change.kind) {
      case 'receipt':
        this.receipts.apply(change.messageId, change.userId, change.readAt);
        return;
      case 'portalThread':
        this.threads.put(change.thread);
        return;
      case 'template':
        this.templates.put(change.practiceId, change.template);
        return;
      case 'templateRemoved':
        this.templates.remove(change.templateId);
        return;
      case 'threadState':
        this.threadState.put(change.practiceId, change.threadState);
        return;
    }
  }
}
