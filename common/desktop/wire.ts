// Frames of the browser host's WebSocket: calls, their results, and pushed events.
import { z } from 'zod';

export const WireCall = z.object({
  type: z.literal('call'),
  id: z.number().int(),
  method: z.string().max(100),
  args: z.unknown(),
});
export const WireResult = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export const WireEvent = z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() });
export const WireServerFrame = z.union([WireResult, WireEvent]);
export type WireCall = z.infer<typeof WireCall>;
export type WireResult = z.infer<typeof WireResult>;
export type WireEvent = z.infer<typeof WireEvent>;
