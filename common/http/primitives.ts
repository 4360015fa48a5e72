// Building blocks of the wire contract: ids, times and the error body every failure uses.
import { z } from 'zod';

export const Id = z.string().min(1).max(100);
export const IsoTime = z.iso.datetime();
export const Uuid = z.uuid();

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
