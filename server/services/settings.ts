// A staff member's settings in one practice; a change is written to their feed for other devices.
import type { PracticeSettings } from '../../common/http/index.js';
import { sql, type Db } from '../db/database.js';
import type { WriteContext } from '../http/context.js';
import { FeedWriter } from './feed/feed-writer.js';

export const DEFAULT_SETTINGS: PracticeSettings = { portalMessagesInInbox: true, emailNotifications: false };

export function readSettings(db: Db, staffId: string, practiceId: string): PracticeSettings {
  const row = sql(
    db,
    'SELECT portal_messages_in_inbox AS p, email_notifications AS e FROM settings WHERE staff_id = ? AND practice_id = ?',
  ).get(staffId, practiceId) as { p: number; e: number } | undefined;
  return row ? { portalMessagesInInbox: row.p === 1, emailNotifications: row.e === 1 } : { ...DEFAULT_SETTINGS };
}

/** Upserts the settings row and appends the `settings` change; the caller holds the transaction. */
export function writeSettings(
  db: Db,
  feed: FeedWriter,
  staffId: string,
  practiceId: string,
  settings: PracticeSettings,
): void {
  sql(
    db,
    `INSERT INTO settings (staff_id, practice_id, portal_messages_in_inbox, email_notifications) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, practice_id) DO UPDATE SET portal_messages_in_inbox = excluded.portal_messages_in_inbox,
       email_notifications = excluded.email_notifications`,
  ).run(staffId, practiceId, settings.portalMessagesInInbox ? 1 : 0, settings.emailNotifications ? 1 : 0);
  feed.append(staffId, practiceId, 'settings', JSON.stringify(settings));
}

export function saveSettings(
  ctx: WriteContext,
  staffId: string,
  practiceId: string,
  settings: PracticeSettings,
): PracticeSettings {
  const feed = new FeedWriter(ctx.db);
  ctx.db.transaction(() => writeSettings(ctx.db, feed, staffId, practiceId, settings)).immediate();
  ctx.changes.feedGrew(feed.newestSeqByStaff);
  return settings;
}
