// Keeps the sync status the UI shows and emits `syncStatus` only when it actually changes.
import type { SyncStatus } from '../../../common/desktop/index.js';

export const SIGNED_OUT_STATUS: SyncStatus = {
  state: 'signedOut',
  syncedMessages: 0,
  initialSyncDone: false,
  lastError: null,
  pendingOutbox: 0,
};

export class StatusTracker {
  private status: SyncStatus = SIGNED_OUT_STATUS;
  constructor(private readonly emit: (status: SyncStatus) => void) {}

  get current(): SyncStatus {
    return this.status;
  }

  update(patch: Partial<SyncStatus>): void {
    const next = { ...this.status, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.emit(next);
  }
}
