// Shapes the desktop engine hands the renderer: list rows, a message with its thread, search hits.
import { z } from 'zod';
import {
  Attachment,
  DocumentInfo,
  Encounter,
  Id,
  IsoTime,
  MailboxState,
  Message,
  PatientDetail,
  PatientSummary,
  PracticeSettings,
  Priority,
  SessionUser,
  StaffUser,
} from '../http/index.js';
import { PortalThreadView, ReceiptView, SessionPractice, WorkflowPreferences } from './workflow-views.js';

/** `snoozed`: messages snoozed until a later time (they are out of the Inbox count and To Do meanwhile). */
export const Folder = z.enum(['inbox', 'archived', 'sent', 'todo', 'snoozed']);
export type Folder = z.infer<typeof Folder>;

/** Delivery state of something the user did: sent, still queued, or refused by the server. */
export const Delivery = z.enum(['delivered', 'pending', 'failed']);
export type Delivery = z.infer<typeof Delivery>;

export const MessageRow = z.object({
  id: Id,
  practiceId: Id,
  threadId: Id,
  source: z.enum(['staff', 'portal']),
  senderName: z.string(),
  recipientNames: z.array(z.string()),
  subject: z.string(),
  sentAt: IsoTime,
  read: z.boolean(),
  flagged: z.boolean(),
  archived: z.boolean(),
  hasAttachments: z.boolean(),
  patientName: z.string().nullable(),
  delivery: Delivery,
  priority: Priority,
  /** Snoozed until this time (the Snoozed folder), else null. */
  snoozedUntil: IsoTime.nullable(),
});
export type MessageRow = z.infer<typeof MessageRow>;

export const MessagePage = z.object({
  rows: z.array(MessageRow),
  /** Opaque keyset cursor for the next page; null when this page is the last. */
  nextCursor: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePage>;

export const MessageView = z.object({
  message: Message,
  state: MailboxState,
  delivery: Delivery,
  deliveryError: z.string().nullable(),
  /** On a message the user sent: who read it and when, named (absent on others' messages). */
  receipts: z.array(ReceiptView).optional(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ThreadView = z.object({
  messages: z.array(MessageView),
  /** The user muted this thread: no notification for it (urgent messages still alert). */
  muted: z.boolean(),
  /** On a Patient Portal thread: its owner and status in the shared queue; null on others. */
  portal: PortalThreadView.nullable(),
});
export type ThreadView = z.infer<typeof ThreadView>;

export const SearchHit = z.object({ row: MessageRow, snippet: z.string() });
export type SearchHit = z.infer<typeof SearchHit>;

export const UnreadCounts = z.object({
  total: z.number().int().nonnegative(),
  byPractice: z.record(z.string(), z.number().int().nonnegative()),
  /** Of `total`, the urgent ones: the tray marks them (absent from hosts that predate it: 0). */
  urgent: z.number().int().nonnegative().optional(),
});
export type UnreadCounts = z.infer<typeof UnreadCounts>;

export const SyncStatus = z.object({
  state: z.enum(['signedOut', 'connecting', 'syncing', 'online', 'offline']),
  /** Messages stored so far during the initial sync, for a progress bar. */
  syncedMessages: z.number().int().nonnegative(),
  initialSyncDone: z.boolean(),
  lastError: z.string().nullable(),
  pendingOutbox: z.number().int().nonnegative(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SessionInfo = z.object({
  signedIn: z.boolean(),
  serverUrl: z.string().nullable(),
  /** The server `npm start` launched, to prefill the sign-in form. */
  defaultServerUrl: z.string().nullable(),
  user: SessionUser.nullable(),
  practices: z.array(SessionPractice),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** What the practice server can do, asked live; null = unknown (offline, or a server that does not say). */
export const ServerFeatures = z.object({ emailAlerts: z.boolean().nullable() });
export type ServerFeatures = z.infer<typeof ServerFeatures>;

export const OutboxItem = z.object({
  id: z.number().int(),
  kind: z.enum(['send', 'state', 'settings', 'portalThread', 'threadState', 'template']),
  description: z.string(),
  status: z.enum(['pending', 'failed']),
  error: z.string().nullable(),
  createdAt: IsoTime,
  /** The message the item is about (a send: its local copy), or null (settings). */
  messageId: Id.nullable(),
  /** A send the server cannot have yet, so the user may take it back (cancelOutboxItem). */
  cancellable: z.boolean(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const NotificationPrivacy = z.enum(['generic', 'sender', 'full']);
export type NotificationPrivacy = z.infer<typeof NotificationPrivacy>;

export const Preferences = z.object({
  notificationPrivacy: NotificationPrivacy,
  idleLockMinutes: z.number().int().min(0).max(240),
  startAtLogin: z.boolean(),
  /** Closing the window keeps the app running in the tray (Electron); the host picks the default per desktop. */
  closeToTray: z.boolean(),
  lastPracticeId: Id.nullable(),
  ...WorkflowPreferences.shape,
});
export type Preferences = z.infer<typeof Preferences>;

export const StagedFile = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
});
export type StagedFile = z.infer<typeof StagedFile>;

export const FileContent = z.object({
  name: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type FileContent = z.infer<typeof FileContent>;

export const Draft = z.object({
  to: z.array(Id),
  patientId: Id.nullable(),
  encounterId: Id.nullable(),
  documentId: Id.nullable(),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(
    z.object({
      kind: z.enum(['file', 'encounter', 'patient', 'document']),
      id: Id,
      name: z.string(),
      /** A forwarded file: `id` is its server id on this message, so it is sent without a new upload. */
      fromMessageId: Id.optional(),
    }),
  ),
  priority: Priority.optional(),
});
export type Draft = z.infer<typeof Draft>;

export { Attachment, DocumentInfo, Encounter, PatientDetail, PatientSummary, PracticeSettings, Priority, StaffUser };
export {
  AuditAction,
  AuditEvent,
  PortalThreadFilter,
  TEMPLATE_PLACEHOLDERS,
  TemplateScope,
  MAX_TEMPLATE_BODY_CHARS,
  MAX_TEMPLATE_TITLE_CHARS,
} from '../http/index.js';
