// A staff member's settings in one practice; a change is written to their feed for other devices.
import type { PracticeSettings } from '../../common/http/index.js';
import { settingsRow, upsertSettings } from '../storage/queries/settings.js';
import type { Executor } from '../storage/schema.js';
import type { WriteContext } from './write-context.js';
import { appendChanges } from './feed/feed-changes.js';
import { recordAudit, staffActor, type Origin } from './workflow/audit-log.js';

export const DEFAULT_SETTINGS: PracticeSettings = { portalMessagesInInbox: true, emailNotifications: false };

export async function readSettings(db: Executor, staffId: string, practiceId: string): Promise<PracticeSettings> {
  const row = await settingsRow(db, staffId, practiceId);
  return row
    ? { portalMessagesInInbox: row.portal_messages_in_inbox === 1, emailNotifications: row.email_notifications === 1 }
    : { ...DEFAULT_SETTINGS };
}

/** Upserts the settings row and appends the `settings` change, inside the caller's write. */
export async function saveSettings(
  ctx: WriteContext,
  staffId: string,
  practiceId: string,
  settings: PracticeSettings,
): Promise<PracticeSettings> {
  await upsertSettings(ctx.db, staffId, practiceId, settings);
  await appendChanges(ctx, [{ staffId, practiceId, kind: 'settings', payload: JSON.stringify(settings) }]);
  return settings;
}

/** A staff member changes their settings (PUT): saved, and recorded in the audit trail. */
export async function changeSettings(
  ctx: WriteContext,
  origin: Origin,
  staffId: string,
  practiceId: string,
  settings: PracticeSettings,
): Promise<PracticeSettings> {
  await saveSettings(ctx, staffId, practiceId, settings);
  await recordAudit(ctx, origin, [{ action: 'settings_changed', practiceId, actor: staffActor(staffId) }]);
  return settings;
}
