// clientId idempotency (API.md): the same clientId with the same content is the same message;
// with different content it is a conflict. Checked inside the write transaction.
import { createHash } from 'node:crypto';
import { ApiError } from '../../errors.js';
import { findByClientId } from '../../storage/queries/messages.js';
import type { Executor } from '../../storage/schema.js';

export const contentHash = (content: unknown): string =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The stored message's seq and JSON when this is a retry; throws 409 when the content differs. */
export async function findRetry(
  db: Executor,
  senderKind: 'staff' | 'patient',
  senderId: string,
  clientId: string,
  hash: string,
): Promise<{ seq: number; messageJson: string } | undefined> {
  const existing = await findByClientId(db, senderKind, senderId, clientId);
  if (!existing) return undefined;
  if (existing.content_hash !== hash) {
    throw new ApiError(
      409,
      'idempotency_conflict',
      'This clientId was already used for a different message. Make a new clientId for a new message.',
    );
  }
  return { seq: existing.seq, messageJson: existing.message_json };
}
