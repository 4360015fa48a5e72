// The second wave's change kinds carry their fields flat beside kind and practiceId ({"kind":
// "receipt","practiceId",...,"messageId",...}): the stored payload is those fields, and the sync page
// splices it in after practiceId (storage/queries/feed.ts). One entry per staff member told.
import type { FeedEntry } from '../../storage/queries/feed.js';
import type { FeedKind } from '../../storage/schema.js';
import type { WriteContext } from '../write-context.js';
import { appendChanges } from '../feed/feed-changes.js';

export type FlatKind = Extract<FeedKind, 'receipt' | 'portalThread' | 'template' | 'templateRemoved' | 'threadState'>;

function flatChanges(staffIds: Iterable<string>, practiceId: string, kind: FlatKind, fields: object): FeedEntry[] {
  const payload = JSON.stringify(fields);
  return [...new Set(staffIds)].map((staffId) => ({ staffId, practiceId, kind, payload }));
}

export function tell(
  ctx: WriteContext,
  staffIds: Iterable<string>,
  practiceId: string,
  kind: FlatKind,
  fields: object,
): Promise<void> {
  return appendChanges(ctx, flatChanges(staffIds, practiceId, kind, fields));
}
