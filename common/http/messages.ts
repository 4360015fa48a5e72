// Messages, attachments and mailbox state as API.md "Messages" defines them.
import { z } from 'zod';
import { MAX_BODY_CHARS, MAX_RECIPIENTS, MAX_SUBJECT_CHARS } from '../limits.js';
import { Id, IsoTime, StoredText, Uuid } from './primitives.js';

export const Party = z.object({
  kind: z.enum(['staff', 'patient']),
  id: Id,
  name: z.string(),
});
export type Party = z.infer<typeof Party>;

export const FileAttachment = z.object({
  id: Id,
  kind: z.literal('file'),
  name: z.string(),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const RecordAttachment = z.object({
  id: Id,
  kind: z.enum(['encounter', 'patient', 'document']),
  refId: Id,
  name: z.string(),
});
export const Attachment = z.union([FileAttachment, RecordAttachment]);
export type Attachment = z.infer<typeof Attachment>;
export type FileAttachment = z.infer<typeof FileAttachment>;

/** Second wave: urgent messages notify at once and re-alert until read. Portal messages are normal. */
export const Priority = z.enum(['normal', 'urgent']);
export type Priority = z.infer<typeof Priority>;

/** Second wave: one per staff recipient; `readAt` is set the first time they read it and never cleared. */
export const Receipt = z.object({ userId: Id, readAt: IsoTime.nullable() });
export type Receipt = z.infer<typeof Receipt>;

export const Message = z.object({
  id: Id,
  practiceId: Id,
  threadId: Id,
  clientId: z.string(),
  source: z.enum(['staff', 'portal']),
  sender: Party,
  recipients: z.array(Party),
  subject: z.string(),
  body: z.string(),
  sentAt: IsoTime,
  inReplyTo: Id.nullable(),
  patient: z.object({ id: Id, name: z.string() }).nullable(),
  encounter: z.object({ id: Id, date: z.string() }).nullable(),
  document: z.object({ id: Id, title: z.string() }).nullable(),
  attachments: z.array(Attachment),
  // Second wave (optional on the wire so a client still reads a first-wave server; absent = normal / none).
  priority: Priority.optional(),
  receipts: z.array(Receipt).optional(),
});
export type Message = z.infer<typeof Message>;

export const MailboxState = z.object({
  messageId: Id,
  read: z.boolean(),
  flagged: z.boolean(),
  archived: z.boolean(),
  /** Second wave: hidden from To Do and the unread count until this time (absent = not snoozed). */
  snoozedUntil: IsoTime.nullable().optional(),
});
export type MailboxState = z.infer<typeof MailboxState>;

export const Subject = StoredText.trim().min(1).max(MAX_SUBJECT_CHARS);
export const Body = StoredText.max(MAX_BODY_CHARS);

export const AttachmentRef = z.object({
  kind: z.enum(['file', 'encounter', 'patient', 'document']),
  id: Id,
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const SendMessageRequest = z.object({
  clientId: Uuid,
  to: z.array(Id).max(MAX_RECIPIENTS),
  subject: Subject,
  body: Body,
  patientId: Id.optional(),
  encounterId: Id.optional(),
  documentId: Id.optional(),
  attachments: z.array(AttachmentRef).max(20).optional(),
  inReplyTo: Id.optional(),
  /** Second wave. */
  priority: Priority.optional(),
  /** Second wave: a reply to a portal thread someone else owns takes it over (else 409 already_claimed). */
  takeOver: z.boolean().optional(),
});
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

export const SendMessageResponse = z.object({ message: Message, state: MailboxState });
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;

export const StatePatch = z
  .object({ read: z.boolean(), flagged: z.boolean(), archived: z.boolean(), snoozedUntil: IsoTime.nullable() })
  .partial()
  .strict();
export type StatePatch = z.infer<typeof StatePatch>;
export const StateResponse = z.object({ state: MailboxState });

export const UploadedAttachment = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int().nonnegative(),
  mimeType: z.string(),
  sha256: z.string(),
});
export type UploadedAttachment = z.infer<typeof UploadedAttachment>;
export const UploadResponse = z.object({ attachment: UploadedAttachment });

export const PortalSendRequest = z.object({
  clientId: Uuid,
  subject: Subject,
  body: Body,
  inReplyTo: Id.optional(),
});
export type PortalSendRequest = z.infer<typeof PortalSendRequest>;
export const PortalSendResponse = z.object({ message: Message });
export const PortalMessagesResponse = z.object({ messages: z.array(Message) });
