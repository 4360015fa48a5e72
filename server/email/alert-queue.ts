// Queues email alerts inside the caller's write transaction: one row per staff recipient who asked
// for alerts in that practice (and, for portal messages, who shows portal messages in their inbox).
import { sql, type Db } from '../db/database.js';

interface AlertTarget {
  email: string;
  practice_name: string;
}

/** Returns how many alerts were queued. Must run inside the message's transaction. */
export function queueAlerts(db: Db, practiceId: string, staffIds: string[], portal: boolean, now: number): number {
  if (staffIds.length === 0) return 0;
  const select = sql(
    db,
    `SELECT s.email, p.name AS practice_name FROM settings st
     JOIN staff s ON s.id = st.staff_id JOIN practices p ON p.id = st.practice_id
     WHERE st.staff_id = ? AND st.practice_id = ? AND st.email_notifications = 1
       AND (? = 0 OR st.portal_messages_in_inbox = 1)`,
  );
  const insert = sql(
    db,
    "INSERT INTO email_queue (to_address, practice_name, state, attempts, next_attempt_at) VALUES (?, ?, 'queued', 0, ?)",
  );
  let queued = 0;
  for (const staffId of staffIds) {
    const target = select.get(staffId, practiceId, portal ? 1 : 0) as AlertTarget | undefined;
    if (!target) continue;
    insert.run(target.email, target.practice_name, now);
    queued += 1;
  }
  return queued;
}
