// A staff member's settings per practice.
import type { Executor } from '../schema.js';

export function settingsRow(db: Executor, staffId: string, practiceId: string) {
  return db
    .selectFrom('settings')
    .select(['portal_messages_in_inbox', 'email_notifications'])
    .where('staff_id', '=', staffId)
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
}

export async function upsertSettings(
  db: Executor,
  staffId: string,
  practiceId: string,
  settings: { portalMessagesInInbox: boolean; emailNotifications: boolean },
): Promise<void> {
  const values = {
    portal_messages_in_inbox: settings.portalMessagesInInbox ? 1 : 0,
    email_notifications: settings.emailNotifications ? 1 : 0,
  };
  await db
    .insertInto('settings')
    .values({ staff_id: staffId, practice_id: practiceId, ...values })
    .onConflict((conflict) => conflict.columns(['staff_id', 'practice_id']).doUpdateSet(values))
    .execute();
}
