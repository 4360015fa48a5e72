// Migration 4: team workflow (API.md second wave). Mailbox state gains the snooze and an urgent bit; a
// snoozed message leaves the unread counter until it wakes. Portal threads (the shared queue), per-thread
// mute and quick-text templates get tables of their own. Receipts stay in the message's JSON.
export const migration004 = `
ALTER TABLE mailbox_state ADD COLUMN snoozed_until TEXT;
ALTER TABLE mailbox_state ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;

-- The Snoozed folder and the waker (what is due next).
CREATE INDEX box_snoozed ON mailbox_state (snoozed_until) WHERE snoozed_until IS NOT NULL;
-- Counted by query, not by the trigger counter: portal messages (they count only while their thread is
-- unassigned or the user's) and urgent ones (the tray marks them). Both sets are small.
CREATE INDEX box_unread_portal ON mailbox_state (practice_id)
  WHERE incoming = 1 AND archived = 0 AND read = 0 AND snoozed_until IS NULL AND source = 'portal';
CREATE INDEX box_unread_urgent ON mailbox_state (practice_id)
  WHERE incoming = 1 AND archived = 0 AND read = 0 AND snoozed_until IS NULL AND urgent = 1;

-- The unread counter (migration 2) now leaves snoozed messages out.
DROP TRIGGER unread_on_insert;
DROP TRIGGER unread_on_delete;
DROP TRIGGER unread_on_update_leave;
DROP TRIGGER unread_on_update_enter;
CREATE TRIGGER unread_on_insert AFTER INSERT ON mailbox_state
WHEN new.incoming = 1 AND new.archived = 0 AND new.read = 0 AND new.snoozed_until IS NULL BEGIN
  INSERT INTO unread_counts (practice_id, source, n) VALUES (new.practice_id, new.source, 1)
  ON CONFLICT (practice_id, source) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unread_on_delete AFTER DELETE ON mailbox_state
WHEN old.incoming = 1 AND old.archived = 0 AND old.read = 0 AND old.snoozed_until IS NULL BEGIN
  UPDATE unread_counts SET n = n - 1 WHERE practice_id = old.practice_id AND source = old.source;
END;
CREATE TRIGGER unread_on_update_leave AFTER UPDATE ON mailbox_state
WHEN old.incoming = 1 AND old.archived = 0 AND old.read = 0 AND old.snoozed_until IS NULL BEGIN
  UPDATE unread_counts SET n = n - 1 WHERE practice_id = old.practice_id AND source = old.source;
END;
CREATE TRIGGER unread_on_update_enter AFTER UPDATE ON mailbox_state
WHEN new.incoming = 1 AND new.archived = 0 AND new.read = 0 AND new.snoozed_until IS NULL BEGIN
  INSERT INTO unread_counts (practice_id, source, n) VALUES (new.practice_id, new.source, 1)
  ON CONFLICT (practice_id, source) DO UPDATE SET n = n + 1;
END;

-- A Patient Portal thread as the server last described it (json: the wire PortalThread).
CREATE TABLE portal_threads (
  thread_id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL,
  status TEXT NOT NULL,
  owner_id TEXT,
  json TEXT NOT NULL
) STRICT;
CREATE INDEX portal_threads_by_status ON portal_threads (practice_id, status);

-- The user's own per-thread state (mute), as the server last said.
CREATE TABLE thread_state (thread_id TEXT PRIMARY KEY, practice_id TEXT NOT NULL, muted INTEGER NOT NULL) STRICT;

-- Quick-text templates the user can see (the practice's and their own); json: the wire Template.
-- A template saved here offline has the id 'local-<uuid>' until the server answers.
CREATE TABLE templates (id TEXT PRIMARY KEY, practice_id TEXT NOT NULL, json TEXT NOT NULL) STRICT;
CREATE INDEX templates_by_practice ON templates (practice_id);
`;
