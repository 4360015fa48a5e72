// The desktop API: the one interface between the renderer and whichever host runs the engine.
// Every method takes one argument object and is described by zod schemas, so hosts validate
// arguments before the engine sees them, and the preload/web client expose exactly these names.
import { z } from 'zod';
import { MAX_BODY_CHARS, MAX_RECIPIENTS, MAX_SUBJECT_CHARS } from '../limits.js';
import { Id, Priority, StatePatch } from '../http/index.js';
import { ManagedPolicy } from './managed-policy.js';
import {
  DocumentInfo,
  Draft,
  Encounter,
  FileContent,
  Folder,
  MessagePage,
  OutboxItem,
  PatientDetail,
  PatientSummary,
  PracticeSettings,
  Preferences,
  SearchHit,
  ServerFeatures,
  SessionInfo,
  StaffUser,
  StagedFile,
  SyncStatus,
  ThreadView,
  UnreadCounts,
} from './views.js';
import { workflowMethods } from './workflow-api.js';

const NoArgs = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const PracticeArg = z.object({ practiceId: Id }).strict();
const Query = z.string().max(200);

export const ComposeRequest = z
  .object({
    practiceId: Id,
    to: z.array(Id).min(1).max(MAX_RECIPIENTS),
    subject: z.string().trim().min(1).max(MAX_SUBJECT_CHARS),
    body: z.string().max(MAX_BODY_CHARS),
    patientId: Id.optional(),
    encounterId: Id.optional(),
    documentId: Id.optional(),
    /** Files by staged id (or, forwarded, by their server id with the message carrying them), records by their id. */
    attachments: z
      .array(
        z
          .object({ kind: z.enum(['file', 'encounter', 'patient', 'document']), id: Id, fromMessageId: Id.optional() })
          .strict(),
      )
      .max(20)
      .optional(),
    priority: Priority.optional(),
  })
  .strict();
export type ComposeRequest = z.infer<typeof ComposeRequest>;

export const ReplyRequest = z
  .object({
    messageId: Id,
    body: z.string().trim().min(1).max(MAX_BODY_CHARS),
    attachments: ComposeRequest.shape.attachments,
    /** `sender` (default): the one who wrote it (or, on your own message, its recipients); `all`: everyone on it. */
    mode: z.enum(['sender', 'all']).optional(),
    /** A reply to a portal thread someone else owns takes it over (else `already_claimed`). */
    takeOver: z.boolean().optional(),
    priority: Priority.optional(),
  })
  .strict();
export type ReplyRequest = z.infer<typeof ReplyRequest>;

const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const desktopMethods = {
  getAppInfo: method(NoArgs, z.object({ name: z.string(), version: z.string(), host: z.enum(['electron', 'web']) })),
  getSession: method(NoArgs, SessionInfo),
  signIn: method(
    z
      .object({
        serverUrl: z.url({ protocol: /^https?$/ }).max(500),
        email: z.string().min(1).max(320),
        password: z.string().min(1).max(1024),
      })
      .strict(),
    SessionInfo,
  ),
  signOut: method(NoArgs, Ok),
  getSyncStatus: method(NoArgs, SyncStatus),
  listMessages: method(
    z
      .object({
        practiceId: Id,
        folder: Folder,
        cursor: z.string().max(200).nullable().optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    MessagePage,
  ),
  getThread: method(z.object({ messageId: Id }).strict(), ThreadView),
  searchMessages: method(
    z.object({ practiceId: Id, query: Query, limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ hits: z.array(SearchHit) }),
  ),
  getUnreadCounts: method(NoArgs, UnreadCounts),
  sendMessage: method(ComposeRequest, z.object({ messageId: Id })),
  reply: method(ReplyRequest, z.object({ messageId: Id })),
  setMessageState: method(z.object({ messageId: Id, patch: StatePatch }).strict(), Ok),
  stageFile: method(
    z.object({ name: z.string().min(1).max(255), mimeType: z.string().max(255), base64: z.string() }).strict(),
    StagedFile,
  ),
  getAttachmentContent: method(z.object({ messageId: Id, attachmentId: Id }).strict(), FileContent),
  getDocumentContent: method(z.object({ practiceId: Id, documentId: Id }).strict(), FileContent),
  listStaff: method(
    z.object({ practiceId: Id, query: Query.optional() }).strict(),
    z.object({ users: z.array(StaffUser) }),
  ),
  searchPatients: method(
    z.object({ practiceId: Id, query: Query }).strict(),
    z.object({ patients: z.array(PatientSummary) }),
  ),
  getPatient: method(z.object({ practiceId: Id, patientId: Id }).strict(), PatientDetail),
  getEncounter: method(z.object({ practiceId: Id, encounterId: Id }).strict(), Encounter),
  searchDocuments: method(
    z.object({ practiceId: Id, query: Query, patientId: Id.optional() }).strict(),
    z.object({ documents: z.array(DocumentInfo) }),
  ),
  getPracticeSettings: method(PracticeArg, PracticeSettings),
  savePracticeSettings: method(z.object({ practiceId: Id, settings: PracticeSettings }).strict(), PracticeSettings),
  getServerFeatures: method(NoArgs, ServerFeatures),
  getPreferences: method(NoArgs, Preferences),
  savePreferences: method(Preferences.partial().strict(), Preferences),
  getOutbox: method(NoArgs, z.object({ items: z.array(OutboxItem) })),
  retryOutboxItem: method(z.object({ id: z.number().int() }).strict(), Ok),
  /** Takes back a message still waiting to be sent; refused (code `too_late`) once it may have reached the server. */
  cancelOutboxItem: method(z.object({ id: z.number().int(), messageId: Id }).strict(), Ok),
  getDraft: method(PracticeArg, Draft.nullable()),
  saveDraft: method(z.object({ practiceId: Id, draft: Draft.nullable() }).strict(), Ok),
  unlock: method(z.object({ password: z.string().min(1).max(1024) }).strict(), z.object({ unlocked: z.boolean() })),
  /** What the administrator fixed on this computer (README "For IT"); empty when nothing is managed. */
  getManagedPolicy: method(NoArgs, ManagedPolicy),
  /** The user typed, clicked or scrolled in the window (throttled by the caller): the idle lock starts over. */
  reportActivity: method(NoArgs, Ok),
  ...workflowMethods,
} as const;

export type DesktopMethodName = keyof typeof desktopMethods;
export const desktopMethodNames = Object.keys(desktopMethods) as DesktopMethodName[];
export type DesktopArgs<K extends DesktopMethodName> = z.input<(typeof desktopMethods)[K]['args']>;
export type DesktopResult<K extends DesktopMethodName> = z.infer<(typeof desktopMethods)[K]['result']>;

export const desktopEvents = {
  /** Something on screen may be stale: the renderer refreshes what it shows. */
  changed: z.object({ practiceIds: z.array(Id) }),
  unreadCount: UnreadCounts,
  syncStatus: SyncStatus,
  /** A notification was clicked: show this message. */
  showMessage: z.object({ practiceId: Id, messageId: Id }),
  /** The cache failed its check or could not be decrypted; it was moved aside and is being rebuilt. */
  cacheRecovered: z.object({ reason: z.string(), movedTo: z.string() }),
  /** The idle lock engaged (true) or was released (false). */
  locked: z.object({ locked: z.boolean() }),
} as const;
export type DesktopEventName = keyof typeof desktopEvents;
export const desktopEventNames = Object.keys(desktopEvents) as DesktopEventName[];
export type DesktopEventPayload<K extends DesktopEventName> = z.infer<(typeof desktopEvents)[K]>;

/** What the renderer calls. Each host adapts it (IPC in Electron, a WebSocket in the browser host). */
export type DesktopApi = {
  [K in DesktopMethodName]: (args: DesktopArgs<K>) => Promise<DesktopResult<K>>;
} & {
  on<K extends DesktopEventName>(event: K, listener: (payload: DesktopEventPayload<K>) => void): () => void;
};

/** The engine side: same methods, implemented by main/core and wrapped by each host. */
export type DesktopHandlers = {
  [K in DesktopMethodName]: (args: z.infer<(typeof desktopMethods)[K]['args']>) => Promise<DesktopResult<K>>;
};

/** Errors crossing the bridge carry a code the UI can act on and a sentence free of health data. */
export const DesktopError = z.object({ code: z.string(), message: z.string() });
export type DesktopError = z.infer<typeof DesktopError>;

/** A call's answer as data: a value, or an error with its code. */
export type DesktopOutcome<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

/**
 * What the Electron preload exposes: the same methods, answering with outcomes instead of throwing, because
 * contextBridge keeps only the message of a thrown Error (electron/electron#25596) and the UI needs the code.
 * The renderer's client turns it back into a DesktopApi.
 */
export type DesktopBridge = {
  [K in DesktopMethodName]: (args: DesktopArgs<K>) => Promise<DesktopOutcome<DesktopResult<K>>>;
} & Pick<DesktopApi, 'on'>;
