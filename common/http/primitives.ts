// Building blocks of the wire contract: ids, times and the error body every failure uses.
import { z } from 'zod';

/**
 * Text that can be stored: no NUL character (PostgreSQL's text cannot hold one, so neither
 * database is given one: the same request gets the same answer on both).
 */
export const StoredText = z.string().refine((text) => !text.includes('\u0000'), 'must not contain NUL characters');

export const Id = StoredText.min(1).max(100);
export const IsoTime = z.iso.datetime();
export const Uuid = z.uuid();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
