// Second wave: per-user thread state (mute), API.md "Snooze and mute".
import { z } from 'zod';
import { Id } from './primitives.js';

export const ThreadState = z.object({ threadId: Id, muted: z.boolean() });
export type ThreadState = z.infer<typeof ThreadState>;

export const ThreadStatePatch = z.object({ muted: z.boolean() }).strict();
export type ThreadStatePatch = z.infer<typeof ThreadStatePatch>;
export const ThreadStateResponse = z.object({ threadState: ThreadState });
