// The sync cursor: an opaque string to clients, the feed sequence number to the server.
import { ApiError } from '../../errors.js';

export const encodeCursor = (seq: number): string => `c${seq.toString(36)}`;

export const invalidCursor = (): ApiError =>
  new ApiError(400, 'invalid_cursor', 'The sync cursor is not one this server gave out. Start again without "after".');

/** The seq a cursor stands for; absent means the start of the feed. A malformed cursor is refused. */
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^c([0-9a-z]{1,11})$/.exec(cursor);
  const seq = match?.[1] ? parseInt(match[1], 36) : NaN;
  if (!Number.isSafeInteger(seq)) throw invalidCursor();
  return seq;
}
