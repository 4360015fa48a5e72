// Schema version 3: the second wave's team workflow (API.md): receipts and snooze on the mailbox,
// the Patient Portal queue, templates, per-user thread state, the append-only audit trail, and the
// feed's new change kinds.
import type { Migration } from './migration.js';

const FEED_KINDS = `'message', 'state', 'settings', 'user', 'receipt', 'portalThread', 'template', 'templateRemoved', 'threadState'`;

// What both databases spell the same way. read_at = 0: read before receipts existed (no time known,
// so no first-read event or receipt is ever made for it).
const BOTH = `
UPDATE mailbox SET read_at = 0 WHERE read = 1;
CREATE INDEX messages_by_thread ON messages(thread_id);
CREATE INDEX mailbox_snoozed ON mailbox(snoozed_until) WHERE snoozed_until IS NOT NULL;
CREATE INDEX portal_threads_queue ON portal_threads(practice_id, status, waiting_since);
CREATE INDEX templates_by_practice ON templates(practice_id, owner_id);
CREATE INDEX thread_states_by_thread ON thread_states(thread_id, muted);
CREATE INDEX audit_by_practice ON audit_events(practice_id, tx, seq);
CREATE INDEX audit_by_actor ON audit_events(actor_id, tx, seq);
CREATE INDEX audit_by_message ON audit_events(message_id) WHERE message_id IS NOT NULL;
CREATE INDEX audit_by_patient ON audit_events(patient_id) WHERE patient_id IS NOT NULL;
`;

/** How the two databases spell what differs: 64-bit integers, STRICT tables, the audit's numbering. */
interface Spelling {
  bigint: string;
  strict: string;
  withoutRowid: string;
  auditSeq: string;
  auditTx: string;
}

const SQLITE: Spelling = {
  bigint: 'INTEGER',
  strict: ' STRICT',
  withoutRowid: ', WITHOUT ROWID',
  auditSeq: 'seq INTEGER PRIMARY KEY',
  // SQLite's one writer commits in seq order, so tx stays 0 there.
  auditTx: 'tx INTEGER NOT NULL DEFAULT 0',
};

const POSTGRES: Spelling = {
  bigint: 'BIGINT',
  strict: '',
  withoutRowid: '',
  auditSeq: 'seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
  // Numbers are handed out before commit here, so events are read in (tx, seq) order, tx being the
  // writing transaction's id, and only below the oldest transaction still running
  // (storage/queries/audit.ts): a cursor never passes an event that commits later.
  auditTx: 'tx BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)',
};

const tables = (t: Spelling): string => `
ALTER TABLE mailbox ADD COLUMN read_at ${t.bigint};
ALTER TABLE mailbox ADD COLUMN snoozed_until ${t.bigint};

CREATE TABLE portal_threads (
  thread_id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  subject TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  owner_id TEXT REFERENCES staff(id),
  last_message_at ${t.bigint} NOT NULL,
  waiting_since ${t.bigint}
)${t.strict};

CREATE TABLE templates (
  id TEXT PRIMARY KEY,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  owner_id TEXT REFERENCES staff(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at ${t.bigint} NOT NULL
)${t.strict};

CREATE TABLE thread_states (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  thread_id TEXT NOT NULL,
  practice_id TEXT NOT NULL REFERENCES practices(id),
  muted INTEGER NOT NULL,
  PRIMARY KEY (staff_id, thread_id)
)${t.strict}${t.withoutRowid};

-- Append-only (triggers below): ids, never subjects, bodies or file names.
CREATE TABLE audit_events (
  ${t.auditSeq},
  ${t.auditTx},
  id TEXT NOT NULL UNIQUE,
  at ${t.bigint} NOT NULL,
  practice_id TEXT,
  actor_kind TEXT CHECK (actor_kind IN ('staff', 'patient')),
  actor_id TEXT,
  action TEXT NOT NULL,
  message_id TEXT,
  thread_id TEXT,
  attachment_id TEXT,
  document_id TEXT,
  patient_id TEXT,
  template_id TEXT,
  ip TEXT NOT NULL
)${t.strict};
`;

export const migration0003: Migration = {
  version: 3,
  name: 'team workflow',
  sqlite: `${tables(SQLITE)}
-- SQLite cannot change a CHECK in place: the feed is copied into a table that allows the new kinds.
CREATE TABLE feed_v3 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  practice_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${FEED_KINDS})),
  message_seq INTEGER REFERENCES messages(seq),
  payload TEXT NOT NULL
) STRICT;
INSERT INTO feed_v3 (seq, staff_id, practice_id, kind, message_seq, payload)
  SELECT seq, staff_id, practice_id, kind, message_seq, payload FROM feed;
DROP TABLE feed;
ALTER TABLE feed_v3 RENAME TO feed;
CREATE INDEX feed_by_staff ON feed(staff_id, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
  BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
${BOTH}`,
  postgres: `${tables(POSTGRES)}
ALTER TABLE feed DROP CONSTRAINT feed_kind_check;
ALTER TABLE feed ADD CONSTRAINT feed_kind_check CHECK (kind IN (${FEED_KINDS}));

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
${BOTH}`,
};
