// Migration 1: the first cache schema. Every table STRICT; mailbox state sits on the message row
// so each folder is one partial index ordered by (sent_at, rowid) for keyset pages.
export const migration001 = `
CREATE TABLE practices (id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL) STRICT;

CREATE TABLE directory (
  practice_id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
  PRIMARY KEY (practice_id, user_id)
) STRICT;

CREATE TABLE practice_settings (
  practice_id TEXT PRIMARY KEY,
  portal_in_inbox INTEGER NOT NULL,
  email_notifications INTEGER NOT NULL
) STRICT;

-- One row per message. id is the server's id, or 'local-<clientId>' until the echo arrives.
-- incoming = the user is a recipient and not the sender; outgoing = the user sent it.
CREATE TABLE messages (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  client_id TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  source TEXT NOT NULL,
  sender_id TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  subject TEXT NOT NULL,
  patient_name TEXT,
  recipient_names TEXT NOT NULL,
  has_attachments INTEGER NOT NULL,
  sent_at TEXT NOT NULL,
  incoming INTEGER NOT NULL,
  outgoing INTEGER NOT NULL,
  delivery TEXT NOT NULL DEFAULT 'delivered',
  delivery_error TEXT,
  body TEXT NOT NULL,
  json TEXT NOT NULL
) STRICT;
CREATE INDEX messages_client_id ON messages (client_id);
CREATE INDEX messages_thread ON messages (thread_id, sent_at);

-- The user's own mailbox state for each message (read/flagged/archived), one row per message.
CREATE TABLE mailbox_state (
  message_rowid INTEGER PRIMARY KEY REFERENCES messages (rowid) ON DELETE CASCADE,
  practice_id TEXT NOT NULL,
  source TEXT NOT NULL,
  incoming INTEGER NOT NULL,
  outgoing INTEGER NOT NULL,
  sent_at TEXT NOT NULL,
  read INTEGER NOT NULL,
  flagged INTEGER NOT NULL,
  archived INTEGER NOT NULL
) STRICT;
CREATE INDEX box_inbox_all ON mailbox_state (practice_id, sent_at, message_rowid) WHERE incoming = 1 AND archived = 0;
CREATE INDEX box_inbox_staff ON mailbox_state (practice_id, sent_at, message_rowid)
  WHERE incoming = 1 AND archived = 0 AND source = 'staff';
CREATE INDEX box_archived ON mailbox_state (practice_id, sent_at, message_rowid) WHERE archived = 1;
CREATE INDEX box_sent ON mailbox_state (practice_id, sent_at, message_rowid) WHERE outgoing = 1;
CREATE INDEX box_todo ON mailbox_state (practice_id, sent_at, message_rowid) WHERE flagged = 1;
CREATE INDEX box_unread ON mailbox_state (practice_id, source) WHERE incoming = 1 AND archived = 0 AND read = 0;

CREATE TABLE attachments (
  message_rowid INTEGER NOT NULL REFERENCES messages (rowid) ON DELETE CASCADE,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  size INTEGER,
  mime_type TEXT,
  sha256 TEXT,
  ref_id TEXT,
  PRIMARY KEY (message_rowid, id)
) STRICT;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
  subject, body, sender_name, patient_name,
  content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
);
-- The FTS index is filled by FtsIndexer in small batches after rows are stored (so a 100,000
-- message backfill is not slowed by indexing); fts_progress.indexed_through is its watermark. Only rows
-- already indexed may be removed from the index ('delete' of an unindexed row corrupts it).
CREATE TABLE fts_progress (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_through INTEGER NOT NULL) STRICT;
INSERT INTO fts_progress (id, indexed_through) VALUES (1, 0);
CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, body, sender_name, patient_name ON messages
WHEN old.rowid <= (SELECT indexed_through FROM fts_progress WHERE id = 1) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, subject, body, sender_name, patient_name)
  VALUES ('delete', old.rowid, old.subject, old.body, old.sender_name, old.patient_name);
  INSERT INTO messages_fts (rowid, subject, body, sender_name, patient_name)
  VALUES (new.rowid, new.subject, new.body, new.sender_name, new.patient_name);
END;

-- Work the user did that the server has not confirmed yet, flushed in id order.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  practice_id TEXT NOT NULL,
  target TEXT,
  payload TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  error TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staged_files (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, mime_type TEXT NOT NULL, size INTEGER NOT NULL,
  sha256 TEXT NOT NULL, created_at TEXT NOT NULL
) STRICT;

-- Patients, encounters and documents fetched from the server, kept for offline reading.
CREATE TABLE records (
  practice_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, fetched_at TEXT NOT NULL,
  PRIMARY KEY (practice_id, kind, key)
) STRICT;

CREATE TABLE drafts (practice_id TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;

-- Sync cursor, initial-sync flag, account facts, password verifier.
CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
`;
