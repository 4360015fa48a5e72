// Practice-specific settings of one user (API.md "Settings").
import { z } from 'zod';

export const PracticeSettings = z.object({
  portalMessagesInInbox: z.boolean(),
  emailNotifications: z.boolean(),
});
export type PracticeSettings = z.infer<typeof PracticeSettings>;
export const SettingsBody = z.object({ settings: PracticeSettings });
export type SettingsBody = z.infer<typeof SettingsBody>;
