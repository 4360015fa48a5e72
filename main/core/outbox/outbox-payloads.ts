// What each kind of outbox row carries, as zod schemas so a row read back is checked, not trusted.
import { z } from 'zod';
import { PracticeSettings, SendMessageRequest, StatePatch } from '../../../common/http/index.js';

export const SendPayload = z.object({
  request: SendMessageRequest,
  /** Staged file id -> the server's upload id, filled in as each upload succeeds. */
  uploaded: z.record(z.string(), z.string()),
  /** The message itself was posted and the server may have stored it, so it can no longer be cancelled. */
  posted: z.boolean().optional(),
});
export type SendPayload = z.infer<typeof SendPayload>;

export const StatePayload = z.object({ patch: StatePatch });
export type StatePayload = z.infer<typeof StatePayload>;

export const SettingsPayload = PracticeSettings;
export type SettingsPayload = PracticeSettings;
