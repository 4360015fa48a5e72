// Cancelling a message the user sent that is still in the outbox. Allowed only while the server cannot
// have it: not while the message is being posted, nor after a post whose answer never came (it may be
// stored; it will be delivered, never lost or doubled). Its files may be uploading: those are left unused
// (the server drops unused uploads after 24 h). Cancelled: its outbox row, local copy and staged files go.
import type { AccountCache } from '../cache/account-cache.js';
import { EngineError, notFound } from '../errors.js';
import type { FileStore } from '../files/file-store.js';
import { SendPayload } from './outbox-payloads.js';

export interface CancelDeps {
  cache: AccountCache;
  files: FileStore;
  isPosting(id: number): boolean;
}

const tooLate = () =>
  new EngineError(
    'too_late',
    'This message is already on its way to the practice server, so it can no longer be cancelled. It will be delivered.',
  );

/** Returns the practice whose lists changed. */
/** `messageId` must match too: outbox ids are reused once the newest item is gone. */
export function cancelPendingSend(deps: CancelDeps, id: number, messageId: string): string {
  const { cache, files } = deps;
  const item = cache.outbox.get(id);
  if (!item || item.target !== messageId) {
    throw new EngineError('not_found', 'That message is no longer in the outbox: it has been delivered.');
  }
  if (item.kind !== 'send') throw notFound('message waiting to be sent');
  const payload = SendPayload.parse(JSON.parse(item.payload));
  if (deps.isPosting(id) || payload.posted) throw tooLate();
  const localId = messageId;
  const staged = (payload.request.attachments ?? []).filter((a) => a.kind === 'file').map((a) => a.id);
  cache.transaction(() => {
    cache.outbox.remove(id);
    cache.outbox.removeStateChangesFor(localId);
    cache.writer.removeUnsent(localId);
    for (const fileId of staged) cache.db.prepare('DELETE FROM staged_files WHERE id = ?').run(fileId);
  });
  for (const fileId of staged) files.removeStaged(fileId);
  return item.practice_id;
}
