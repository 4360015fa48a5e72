// Schema version 1: practices, people, records, messages with mailbox state, the per-user change
// feed, tokens, uploads and the email alert queue. SQLite: STRICT tables as first shipped;
// PostgreSQL: the same tables, with its own types for what SQLite spells differently.
import type { Migration } from './migration.js';

export const migration0001: Migration = {
  version: 1,
  name: 'initial schema',
  sqlite: `
CREATE TABLE practices (id TEXT PRIMARY KEY, name TEXT NOT NULL) STRICT;

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL
) STRICT;

CREATE TABLE memberships (
  practice_id TEXT NOT NULL REFERENCES practices(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL,
  PRIMARY KEY (practice_id, staff_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX memberships_by_staff ON memberships(staff_id);

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  mrn TEXT NOT NULL,
  portal_email TEXT UNIQUE COLLATE NOCASE,
  password_hash TEXT
) STRICT;
CREATE INDEX patients_by_practice ON patients(practice_id, name);

CREATE TABLE encounters (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  date TEXT NOT NULL,
  provider_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  notes TEXT NOT NULL
) STRICT;
CREATE INDEX encounters_by_patient ON encounters(patient_id, date);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  patient_id TEXT REFERENCES patients(id),
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX documents_by_practice ON documents(practice_id, created_at);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'patient')),
  subject_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
) STRICT;

CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  uploader_id TEXT NOT NULL REFERENCES staff(id),
  name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  thread_id TEXT NOT NULL,
  sender_kind TEXT NOT NULL CHECK (sender_kind IN ('staff', 'patient')),
  sender_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  portal_patient_id TEXT REFERENCES patients(id),
  message_json TEXT NOT NULL,
  UNIQUE (sender_kind, sender_id, client_id)
) STRICT;
CREATE INDEX messages_by_portal_patient ON messages(portal_patient_id, seq)
  WHERE portal_patient_id IS NOT NULL;

CREATE TABLE message_files (
  upload_id TEXT NOT NULL REFERENCES uploads(id),
  message_seq INTEGER NOT NULL REFERENCES messages(seq),
  PRIMARY KEY (upload_id, message_seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE mailbox (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  message_seq INTEGER NOT NULL REFERENCES messages(seq),
  read INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  PRIMARY KEY (staff_id, message_seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE settings (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  practice_id TEXT NOT NULL REFERENCES practices(id),
  portal_messages_in_inbox INTEGER NOT NULL,
  email_notifications INTEGER NOT NULL,
  PRIMARY KEY (staff_id, practice_id)
) STRICT, WITHOUT ROWID;

-- The per-user change feed: payload is the JSON of the change's data, frozen when written, so that
-- asking again from the same cursor returns the same changes.
CREATE TABLE feed (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  practice_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'state', 'settings', 'user')),
  message_seq INTEGER REFERENCES messages(seq),
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX feed_by_staff ON feed(staff_id, seq);

CREATE TABLE email_queue (
  id INTEGER PRIMARY KEY,
  to_address TEXT NOT NULL,
  practice_name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT
) STRICT;
CREATE INDEX email_queue_due ON email_queue(state, next_attempt_at);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`,

  postgres: `
CREATE TABLE practices (id TEXT PRIMARY KEY, name TEXT NOT NULL);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL
);
CREATE UNIQUE INDEX staff_by_email ON staff (lower(email));

CREATE TABLE memberships (
  practice_id TEXT NOT NULL REFERENCES practices(id),
  staff_id TEXT NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL,
  PRIMARY KEY (practice_id, staff_id)
);
CREATE INDEX memberships_by_staff ON memberships(staff_id);

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  name TEXT NOT NULL,
  date_of_birth TEXT NOT NULL,
  mrn TEXT NOT NULL,
  portal_email TEXT,
  password_hash TEXT
);
CREATE INDEX patients_by_practice ON patients(practice_id, name);
CREATE UNIQUE INDEX patients_by_portal_email ON patients (lower(portal_email));

CREATE TABLE encounters (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  date TEXT NOT NULL,
  provider_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  notes TEXT NOT NULL
);
CREATE INDEX encounters_by_patient ON encounters(patient_id, date);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  patient_id TEXT REFERENCES patients(id),
  title TEXT NOT NULL,
  file_name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX documents_by_practice ON documents(practice_id, created_at);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('staff', 'patient')),
  subject_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT NOT NULL
);

CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  uploader_id TEXT NOT NULL REFERENCES staff(id),
  name TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE messages (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  thread_id TEXT NOT NULL,
  sender_kind TEXT NOT NULL CHECK (sender_kind IN ('staff', 'patient')),
  sender_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  portal_patient_id TEXT REFERENCES patients(id),
  message_json TEXT NOT NULL,
  UNIQUE (sender_kind, sender_id, client_id)
);
CREATE INDEX messages_by_portal_patient ON messages(portal_patient_id, seq)
  WHERE portal_patient_id IS NOT NULL;

CREATE TABLE message_files (
  upload_id TEXT NOT NULL REFERENCES uploads(id),
  message_seq BIGINT NOT NULL REFERENCES messages(seq),
  PRIMARY KEY (upload_id, message_seq)
);

CREATE TABLE mailbox (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  message_seq BIGINT NOT NULL REFERENCES messages(seq),
  read INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  PRIMARY KEY (staff_id, message_seq)
);

CREATE TABLE settings (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  practice_id TEXT NOT NULL REFERENCES practices(id),
  portal_messages_in_inbox INTEGER NOT NULL,
  email_notifications INTEGER NOT NULL,
  PRIMARY KEY (staff_id, practice_id)
);

-- The per-user change feed. Rows are inserted with seq NULL; the feed sequencer numbers committed
-- rows under the feed_counter row's lock, so a seq becomes visible only after every lower one
-- (a sequence handed out before commit could be seen after a higher one: a cursor would skip it).
CREATE TABLE feed (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  seq BIGINT,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  practice_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('message', 'state', 'settings', 'user')),
  message_seq BIGINT REFERENCES messages(seq),
  payload TEXT NOT NULL
);
CREATE UNIQUE INDEX feed_by_staff ON feed(staff_id, seq);
CREATE INDEX feed_unsequenced ON feed(id) WHERE seq IS NULL;
CREATE TABLE feed_counter (
  one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
  last_seq BIGINT NOT NULL
);
INSERT INTO feed_counter (last_seq) VALUES (0);

CREATE TABLE email_queue (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_address TEXT NOT NULL,
  practice_name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT
);
CREATE INDEX email_queue_due ON email_queue(state, next_attempt_at);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
};
