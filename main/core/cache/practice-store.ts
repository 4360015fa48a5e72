// Practices, staff directory and practice settings in the cache.
import type { PracticeRef, PracticeSettings, StaffUser } from '../../../common/http/index.js';
import type { Db } from './driver.js';

export const DEFAULT_PRACTICE_SETTINGS: PracticeSettings = { portalMessagesInInbox: true, emailNotifications: false };

export class PracticeStore {
  private readonly upsertUser;
  private readonly upsertSettings;
  private readonly getSettings;
  private readonly pendingSettings;
  constructor(private readonly db: Db) {
    this.upsertUser = db.prepare(
      `INSERT INTO directory (practice_id, user_id, name, role) VALUES (?, ?, ?, ?)
       ON CONFLICT (practice_id, user_id) DO UPDATE SET name = excluded.name, role = excluded.role`,
    );
    this.upsertSettings = db.prepare(
      `INSERT INTO practice_settings (practice_id, portal_in_inbox, email_notifications) VALUES (?, ?, ?)
       ON CONFLICT (practice_id) DO UPDATE SET portal_in_inbox = excluded.portal_in_inbox,
         email_notifications = excluded.email_notifications`,
    );
    this.getSettings = db.prepare<[string], { portal_in_inbox: number; email_notifications: number }>(
      'SELECT portal_in_inbox, email_notifications FROM practice_settings WHERE practice_id = ?',
    );
    this.pendingSettings = db.prepare<[string], { payload: string }>(
      `SELECT payload FROM outbox WHERE kind = 'settings' AND status = 'pending' AND practice_id = ?
       ORDER BY id DESC LIMIT 1`,
    );
  }

  replacePractices(practices: PracticeRef[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM practices').run();
      const insert = this.db.prepare('INSERT INTO practices (id, name, position) VALUES (?, ?, ?)');
      practices.forEach((p, i) => insert.run(p.id, p.name, i));
    })();
  }

  practices(): PracticeRef[] {
    return this.db.prepare<[], PracticeRef>('SELECT id, name FROM practices ORDER BY position').all();
  }

  putUser(practiceId: string, user: StaffUser): void {
    this.upsertUser.run(practiceId, user.id, user.name, user.role);
  }

  listStaff(practiceId: string, query: string | undefined): StaffUser[] {
    const like = `%${(query ?? '').replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare<[string, string], StaffUser>(
        `SELECT user_id AS id, name, role FROM directory WHERE practice_id = ? AND name LIKE ? ESCAPE '\\'
         ORDER BY name COLLATE NOCASE`,
      )
      .all(practiceId, like);
  }

  /** Stores the server's settings; a pending local change (not yet sent) still wins on screen. */
  putServerSettings(practiceId: string, settings: PracticeSettings): void {
    const pending = this.pendingSettings.get(practiceId);
    this.putSettings(practiceId, pending ? (JSON.parse(pending.payload) as PracticeSettings) : settings);
  }

  putSettings(practiceId: string, s: PracticeSettings): void {
    this.upsertSettings.run(practiceId, s.portalMessagesInInbox ? 1 : 0, s.emailNotifications ? 1 : 0);
  }

  settings(practiceId: string): PracticeSettings {
    const row = this.getSettings.get(practiceId);
    if (!row) return DEFAULT_PRACTICE_SETTINGS;
    return { portalMessagesInInbox: row.portal_in_inbox === 1, emailNotifications: row.email_notifications === 1 };
  }
}
