// Schema version 4: an email alert remembers which message it is about, so its link opens that message
// (PUBLIC_URL/open/message/<id>, which offers practice-messenger://open?server=...&message=<id>). An id only:
// the email still says nothing about the message.
import type { Migration } from './migration.js';

export const migration0004: Migration = {
  version: 4,
  name: 'alert message link',
  sqlite: `ALTER TABLE email_queue ADD COLUMN message_id TEXT;`,
  postgres: `ALTER TABLE email_queue ADD COLUMN message_id TEXT;`,
};
