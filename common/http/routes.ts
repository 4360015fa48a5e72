// The one route table of the practice server's API (API.md): method, path and schemas of every
// route, read by the server's routes (server/routes/) and by the desktop engine's HTTP client, so
// that no path is written twice. Paths are relative to API_BASE; `:name` marks a path parameter.
import { z } from 'zod';
import {
  PortalSendRequest,
  PortalSendResponse,
  PortalMessagesResponse,
  SendMessageRequest,
  SendMessageResponse,
  StatePatch,
  StateResponse,
  UploadResponse,
} from './messages.js';
import { Id } from './primitives.js';
import {
  DocumentsQuery,
  DocumentsResponse,
  EncounterResponse,
  PatientResponse,
  PatientsQuery,
  PatientsResponse,
  UsersResponse,
} from './records.js';
import { LoginRequest, LoginResponse, PortalLoginResponse } from './session.js';
import { SettingsBody } from './settings.js';
import { HealthResponse, SyncQuery, SyncResponse } from './sync.js';
import { AuditPage, AuditQuery } from './audit.js';
import {
  AssignThreadRequest,
  ClaimThreadRequest,
  PortalThreadResponse,
  PortalThreadsQuery,
  PortalThreadsResponse,
} from './portal-threads.js';
import { TemplateBody, TemplateResponse, TemplatesResponse } from './templates.js';
import { ThreadStatePatch, ThreadStateResponse } from './thread-state.js';

/** Path parameters: a malformed or too long id in a path answers 404, like any unknown object. */
export const PracticeParams = z.object({ pid: Id });
export const PracticeItemParams = z.object({ pid: Id, id: Id });
export const ItemParams = z.object({ id: Id });
export const PracticeThreadParams = z.object({ pid: Id, threadId: Id });

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  path: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** JSON answers by status; a route answering bytes (a file) or nothing has none. */
  response?: Record<number, z.ZodType>;
}

const route = <const R extends RouteSpec>(spec: R): R => spec;

export const routes = {
  health: route({ method: 'GET', path: '/health', response: { 200: HealthResponse } }),
  signIn: route({ method: 'POST', path: '/session', body: LoginRequest, response: { 200: LoginResponse } }),
  signOut: route({ method: 'DELETE', path: '/session' }),

  users: route({
    method: 'GET',
    path: '/practices/:pid/users',
    params: PracticeParams,
    response: { 200: UsersResponse },
  }),
  patients: route({
    method: 'GET',
    path: '/practices/:pid/patients',
    params: PracticeParams,
    query: PatientsQuery,
    response: { 200: PatientsResponse },
  }),
  patient: route({
    method: 'GET',
    path: '/practices/:pid/patients/:id',
    params: PracticeItemParams,
    response: { 200: PatientResponse },
  }),
  encounter: route({
    method: 'GET',
    path: '/practices/:pid/encounters/:id',
    params: PracticeItemParams,
    response: { 200: EncounterResponse },
  }),
  documents: route({
    method: 'GET',
    path: '/practices/:pid/documents',
    params: PracticeParams,
    query: DocumentsQuery,
    response: { 200: DocumentsResponse },
  }),
  documentContent: route({ method: 'GET', path: '/practices/:pid/documents/:id/content', params: PracticeItemParams }),

  sendMessage: route({
    method: 'POST',
    path: '/practices/:pid/messages',
    params: PracticeParams,
    body: SendMessageRequest,
    response: { 200: SendMessageResponse, 201: SendMessageResponse },
  }),
  message: route({
    method: 'GET',
    path: '/practices/:pid/messages/:id',
    params: PracticeItemParams,
    response: { 200: SendMessageResponse },
  }),
  patchState: route({
    method: 'PATCH',
    path: '/practices/:pid/messages/:id/state',
    params: PracticeItemParams,
    body: StatePatch,
    response: { 200: StateResponse },
  }),
  /** The body is the file's raw bytes (any media type), its name URL-encoded in X-File-Name. */
  upload: route({
    method: 'POST',
    path: '/practices/:pid/attachments',
    params: PracticeParams,
    response: { 201: UploadResponse },
  }),
  attachment: route({ method: 'GET', path: '/attachments/:id', params: ItemParams }),

  settings: route({
    method: 'GET',
    path: '/practices/:pid/settings',
    params: PracticeParams,
    response: { 200: SettingsBody },
  }),
  putSettings: route({
    method: 'PUT',
    path: '/practices/:pid/settings',
    params: PracticeParams,
    body: SettingsBody,
    response: { 200: SettingsBody },
  }),

  sync: route({ method: 'GET', path: '/sync', query: SyncQuery, response: { 200: SyncResponse } }),
  /** WebSocket: send {"type":"auth","token"}; get {"type":"ready"}, then {"type":"changes","cursor"} hints. */
  live: route({ method: 'GET', path: '/live' }),

  portalSignIn: route({
    method: 'POST',
    path: '/portal/session',
    body: LoginRequest,
    response: { 200: PortalLoginResponse },
  }),
  portalSend: route({
    method: 'POST',
    path: '/portal/messages',
    body: PortalSendRequest,
    response: { 200: PortalSendResponse, 201: PortalSendResponse },
  }),
  portalMessages: route({ method: 'GET', path: '/portal/messages', response: { 200: PortalMessagesResponse } }),

  // Second wave: the Patient Portal queue, templates, thread state, the audit trail.
  portalThreads: route({
    method: 'GET',
    path: '/practices/:pid/portal/threads',
    params: PracticeParams,
    query: PortalThreadsQuery,
    response: { 200: PortalThreadsResponse },
  }),
  /** The body is optional (`{"takeOver": true}` takes a thread someone else owns). */
  claimThread: route({
    method: 'POST',
    path: '/practices/:pid/portal/threads/:threadId/claim',
    params: PracticeThreadParams,
    body: ClaimThreadRequest.nullish(),
    response: { 200: PortalThreadResponse },
  }),
  assignThread: route({
    method: 'POST',
    path: '/practices/:pid/portal/threads/:threadId/assign',
    params: PracticeThreadParams,
    body: AssignThreadRequest,
    response: { 200: PortalThreadResponse },
  }),
  releaseThread: route({
    method: 'POST',
    path: '/practices/:pid/portal/threads/:threadId/release',
    params: PracticeThreadParams,
    response: { 200: PortalThreadResponse },
  }),
  closeThread: route({
    method: 'POST',
    path: '/practices/:pid/portal/threads/:threadId/close',
    params: PracticeThreadParams,
    response: { 200: PortalThreadResponse },
  }),
  templates: route({
    method: 'GET',
    path: '/practices/:pid/templates',
    params: PracticeParams,
    response: { 200: TemplatesResponse },
  }),
  createTemplate: route({
    method: 'POST',
    path: '/practices/:pid/templates',
    params: PracticeParams,
    body: TemplateBody,
    response: { 201: TemplateResponse },
  }),
  updateTemplate: route({
    method: 'PUT',
    path: '/practices/:pid/templates/:id',
    params: PracticeItemParams,
    body: TemplateBody,
    response: { 200: TemplateResponse },
  }),
  deleteTemplate: route({ method: 'DELETE', path: '/practices/:pid/templates/:id', params: PracticeItemParams }),
  patchThreadState: route({
    method: 'PATCH',
    path: '/practices/:pid/threads/:threadId/state',
    params: PracticeThreadParams,
    body: ThreadStatePatch,
    response: { 200: ThreadStateResponse },
  }),
  /** `Accept: text/csv` answers the same page as CSV (cursor and more in X-Cursor and X-More). */
  audit: route({
    method: 'GET',
    path: '/practices/:pid/audit',
    params: PracticeParams,
    query: AuditQuery,
    response: { 200: AuditPage },
  }),
} as const;

export type RouteName = keyof typeof routes;

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The path of `spec` with its parameters filled in (each URL-encoded). */
export function pathOf<R extends RouteSpec>(spec: R, params: Record<ParamNames<R['path']>, string>): string {
  return spec.path.replace(/:([a-z]+)/gi, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ''),
  );
}
