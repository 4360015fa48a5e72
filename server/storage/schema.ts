// The database's tables as Kysely sees them, the same in SQLite and PostgreSQL. Flags are 0/1
// integers and times are epoch milliseconds in both, so one query reads the same rows in either.
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

/** 0 or 1: SQLite has no boolean type, and one representation keeps the queries identical. */
export type Flag = number;

export interface PracticesTable {
  id: string;
  name: string;
}

export interface StaffTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
}

export interface MembershipsTable {
  practice_id: string;
  staff_id: string;
  role: string;
}

export interface PatientsTable {
  id: string;
  practice_id: string;
  name: string;
  date_of_birth: string;
  mrn: string;
  portal_email: string | null;
  password_hash: string | null;
}

export interface EncountersTable {
  id: string;
  practice_id: string;
  patient_id: string;
  date: string;
  provider_name: string;
  reason: string;
  notes: string;
}

export interface DocumentsTable {
  id: string;
  practice_id: string;
  patient_id: string | null;
  title: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface TokensTable {
  hash: string;
  kind: 'staff' | 'patient';
  subject_id: string;
  created_at: number;
  last_used_at: number;
}

export interface UploadsTable {
  id: string;
  practice_id: string;
  uploader_id: string;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
  created_at: number;
}

export interface MessagesTable {
  seq: Generated<number>;
  id: string;
  practice_id: string;
  thread_id: string;
  sender_kind: 'staff' | 'patient';
  sender_id: string;
  client_id: string;
  content_hash: string;
  portal_patient_id: string | null;
  message_json: string;
}

export interface MessageFilesTable {
  upload_id: string;
  message_seq: number;
}

export interface MailboxTable {
  staff_id: string;
  message_seq: number;
  read: Flag;
  flagged: Flag;
  archived: Flag;
  /** First time this viewer read it (epoch ms; 0: read before receipts existed); never cleared. */
  read_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Hidden from To Do and the unread count until then (epoch ms); the snooze waker clears it. */
  snoozed_until: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SettingsTable {
  staff_id: string;
  practice_id: string;
  portal_messages_in_inbox: Flag;
  email_notifications: Flag;
}

export type FeedKind =
  | 'message'
  | 'state'
  | 'settings'
  | 'user'
  | 'receipt'
  | 'portalThread'
  | 'template'
  | 'templateRemoved'
  | 'threadState';

/**
 * The per-user change feed. SQLite hands out `seq` on insert (one writer: commit order is seq order);
 * PostgreSQL inserts it empty and the feed sequencer numbers committed rows (storage/postgres/feed-sequencer.ts).
 */
export interface FeedTable {
  seq: ColumnType<number, never, number>;
  staff_id: string;
  practice_id: string;
  kind: FeedKind;
  message_seq: number | null;
  payload: string;
}

export interface EmailQueueTable {
  id: Generated<number>;
  to_address: string;
  practice_name: string;
  state: 'queued' | 'sent' | 'failed';
  attempts: Generated<number>;
  /** When it may be tried next; while an instance is sending it, the end of that instance's lease. */
  next_attempt_at: number;
  last_error: string | null;
  /** The message the alert is about (its link opens it); null for alerts queued before schema version 4. */
  message_id: string | null;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  key: string;
  /** 'pending': reserved, its password check still running; 'failed': counts until it leaves the window. */
  outcome: 'pending' | 'failed';
  at: number;
}

export interface PortalThreadsTable {
  thread_id: string;
  practice_id: string;
  patient_id: string;
  subject: string;
  status: 'open' | 'closed';
  owner_id: string | null;
  last_message_at: number;
  waiting_since: number | null;
}

export interface TemplatesTable {
  id: string;
  practice_id: string;
  /** null: a practice template; else the owner of a personal one. */
  owner_id: string | null;
  title: string;
  body: string;
  updated_at: number;
}

export interface ThreadStatesTable {
  staff_id: string;
  thread_id: string;
  practice_id: string;
  muted: Flag;
}

/** Append-only (triggers refuse UPDATE and DELETE). Read in (tx, seq) order: see storage/queries/audit.ts. */
export interface AuditEventsTable {
  seq: Generated<number>;
  tx: Generated<number>;
  id: string;
  at: number;
  practice_id: string | null;
  actor_kind: 'staff' | 'patient' | null;
  actor_id: string | null;
  action: string;
  message_id: string | null;
  thread_id: string | null;
  attachment_id: string | null;
  document_id: string | null;
  patient_id: string | null;
  template_id: string | null;
  ip: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Schema {
  practices: PracticesTable;
  staff: StaffTable;
  memberships: MembershipsTable;
  patients: PatientsTable;
  encounters: EncountersTable;
  documents: DocumentsTable;
  tokens: TokensTable;
  uploads: UploadsTable;
  messages: MessagesTable;
  message_files: MessageFilesTable;
  mailbox: MailboxTable;
  settings: SettingsTable;
  feed: FeedTable;
  email_queue: EmailQueueTable;
  sign_in_attempts: SignInAttemptsTable;
  meta: MetaTable;
  portal_threads: PortalThreadsTable;
  templates: TemplatesTable;
  thread_states: ThreadStatesTable;
  audit_events: AuditEventsTable;
}

/** What queries run on: the whole database, or one transaction (a group commit's, in SQLite's writer). */
export type Executor = Kysely<Schema> | Transaction<Schema>;

export type UploadRow = Selectable<UploadsTable>;
export type NewUpload = Insertable<UploadsTable>;
export type StaffRow = Selectable<StaffTable>;
