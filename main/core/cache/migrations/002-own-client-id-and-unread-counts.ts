// Migration 2: a smaller clientId index (only the user's own messages are looked up by it), and
// unread inbox counts kept by triggers, so reading the badge count costs the same at any size.
export const migration002 = `
DROP INDEX messages_client_id;
CREATE INDEX messages_own_client_id ON messages (client_id) WHERE outgoing = 1;

-- The counter below replaces counting over this index.
DROP INDEX box_unread;
CREATE TABLE unread_counts (
  practice_id TEXT NOT NULL, source TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (practice_id, source)
) STRICT;
INSERT INTO unread_counts (practice_id, source, n)
  SELECT practice_id, source, count(*) FROM mailbox_state
  WHERE incoming = 1 AND archived = 0 AND read = 0 GROUP BY practice_id, source;

CREATE TRIGGER unread_on_insert AFTER INSERT ON mailbox_state
WHEN new.incoming = 1 AND new.archived = 0 AND new.read = 0 BEGIN
  INSERT INTO unread_counts (practice_id, source, n) VALUES (new.practice_id, new.source, 1)
  ON CONFLICT (practice_id, source) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER unread_on_delete AFTER DELETE ON mailbox_state
WHEN old.incoming = 1 AND old.archived = 0 AND old.read = 0 BEGIN
  UPDATE unread_counts SET n = n - 1 WHERE practice_id = old.practice_id AND source = old.source;
END;
-- An update leaves the count as it was unless the row enters or leaves the unread inbox.
CREATE TRIGGER unread_on_update_leave AFTER UPDATE ON mailbox_state
WHEN old.incoming = 1 AND old.archived = 0 AND old.read = 0 BEGIN
  UPDATE unread_counts SET n = n - 1 WHERE practice_id = old.practice_id AND source = old.source;
END;
CREATE TRIGGER unread_on_update_enter AFTER UPDATE ON mailbox_state
WHEN new.incoming = 1 AND new.archived = 0 AND new.read = 0 BEGIN
  INSERT INTO unread_counts (practice_id, source, n) VALUES (new.practice_id, new.source, 1)
  ON CONFLICT (practice_id, source) DO UPDATE SET n = n + 1;
END;
`;
