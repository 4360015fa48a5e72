// Settings an administrator fixes for every user of a computer (README "For IT"): read from a machine-wide JSON
// file and, on Windows, Group Policy. A key that is absent is not managed. The app shows managed settings as
// "set by your administrator" and the user can't change them.
import { z } from 'zod';
import { NotificationPrivacy } from './views.js';

export const ManagedPolicy = z.object({
  /** The only practice server this computer signs in to. */
  serverUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  /** false: the app never looks for updates (IT deploys new versions itself). */
  updatesEnabled: z.boolean().optional(),
  /** The most an OS notification may show: users may pick less, never more. */
  maxNotificationContent: NotificationPrivacy.optional(),
  /** The longest idle time before the app locks; users may pick less, and can't turn the lock off. */
  maxIdleLockMinutes: z.number().int().min(1).max(240).optional(),
  startAtLogin: z.boolean().optional(),
  /** true: closing the window keeps the app running in the tray; false: closing quits. */
  closeToTray: z.boolean().optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;
export type ManagedPolicyKey = keyof ManagedPolicy;
