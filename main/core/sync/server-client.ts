// The practice server's HTTP API (../shared/API.md) as typed calls; every answer is checked with
// the common/ schemas. Failures become NetworkError (retry later) or ServerError (the server said no).
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { API_BASE } from '../../../common/limits.js';
import {
  DocumentsResponse,
  EncounterResponse,
  ErrorBody,
  HealthResponse,
  LoginResponse,
  PatientResponse,
  PatientsResponse,
  SendMessageResponse,
  SettingsBody,
  StateResponse,
  UploadResponse,
  UsersResponse,
  type PracticeSettings,
  type SendMessageRequest,
  type StatePatch,
  type SyncResponse,
} from '../../../common/http/index.js';
import { pathOf, routes, type RouteSpec } from '../../../common/http/routes.js';
import { nodeTransport } from '../network/node-transport.js';
import type { ServerTransport } from '../network/server-transport.js';
import { parseSyncPage, readSyncEnvelope, type FetchedSyncPage } from './parse-sync-page.js';

export class NetworkError extends Error {
  constructor(
    message = 'The practice server could not be reached.',
    /** True when no connection was made, so the server cannot have received the request. */
    readonly requestNotSent = false,
  ) {
    super(message);
  }
}

/** Failures before a connection exists: the request never left this computer. */
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EHOSTDOWN',
]);
const neverConnected = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && CONNECT_FAILURES.has(String(error.code));

export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ServerClient {
  private readonly http: AxiosInstance;
  /** Called after every answer from the server (the network is up: reset backoffs). */
  onReachable: () => void = () => {};

  constructor(
    readonly serverUrl: string,
    private token: string | null = null,
    /** Network path to the server (network/server-transport.ts); by default Node's, with the environment's proxy. */
    transport: ServerTransport = nodeTransport()(serverUrl),
  ) {
    this.http = axios.create({
      baseURL: new URL(API_BASE, serverUrl).toString(),
      timeout: 20_000,
      validateStatus: () => true,
      ...transport.http,
      maxBodyLength: Infinity,
      maxContentLength: Infinity,
    });
  }

  setToken(token: string | null): void {
    this.token = token;
  }

  signIn(email: string, password: string) {
    return this.call(LoginResponse, { ...at(routes.signIn, {}), data: { email, password } });
  }
  async signOut(): Promise<void> {
    await this.call(null, at(routes.signOut, {}));
  }
  async sync(after: string | null, limit: number): Promise<SyncResponse> {
    const response = await this.request({ ...at(routes.sync, {}), params: after ? { after, limit } : { limit } });
    if (response.status >= 400) throw toServerError(response, response.data);
    const page = parseSyncPage(response.data);
    if (!page) throw badResponse();
    return page;
  }
  /**
   * One /sync page as the server's JSON text, its envelope checked: the changes are parsed and
   * checked by the cache writer thread, so a 1,000-change page costs this thread almost nothing.
   */
  async syncPage(after: string | null, limit: number): Promise<FetchedSyncPage> {
    const response = await this.request({
      ...at(routes.sync, {}),
      params: after ? { after, limit } : { limit },
      responseType: 'text',
      transformResponse: (data: unknown) => data,
    });
    if (response.status >= 400) throw toServerError(response, safeParse(response.data));
    const page = readSyncEnvelope(String(response.data), limit);
    if (!page) throw badResponse();
    return page;
  }
  health() {
    return this.call(HealthResponse, at(routes.health, {}));
  }
  users(practiceId: string) {
    return this.call(UsersResponse, at(routes.users, { pid: practiceId }));
  }
  settings(practiceId: string) {
    return this.call(SettingsBody, at(routes.settings, { pid: practiceId }));
  }
  putSettings(practiceId: string, settings: PracticeSettings) {
    return this.call(SettingsBody, {
      ...at(routes.putSettings, { pid: practiceId }),
      data: { settings },
    });
  }
  send(practiceId: string, request: SendMessageRequest) {
    return this.call(SendMessageResponse, {
      ...at(routes.sendMessage, { pid: practiceId }),
      data: request,
    });
  }
  patchState(practiceId: string, messageId: string, patch: StatePatch) {
    return this.call(StateResponse, { ...at(routes.patchState, { pid: practiceId, id: messageId }), data: patch });
  }
  upload(practiceId: string, name: string, mimeType: string, bytes: Buffer) {
    return this.call(UploadResponse, {
      ...at(routes.upload, { pid: practiceId }),
      data: bytes,
      headers: { 'Content-Type': mimeType || 'application/octet-stream', 'X-File-Name': encodeURIComponent(name) },
    });
  }
  attachment(id: string) {
    return this.bytes(pathOf(routes.attachment, { id }));
  }
  documentContent(practiceId: string, documentId: string) {
    return this.bytes(pathOf(routes.documentContent, { pid: practiceId, id: documentId }));
  }
  patients(practiceId: string, query: string) {
    return this.call(PatientsResponse, { ...at(routes.patients, { pid: practiceId }), params: { query, limit: 50 } });
  }
  patient(practiceId: string, id: string) {
    return this.call(PatientResponse, at(routes.patient, { pid: practiceId, id }));
  }
  encounter(practiceId: string, id: string) {
    return this.call(EncounterResponse, at(routes.encounter, { pid: practiceId, id }));
  }
  documents(practiceId: string, query: string, patientId?: string) {
    const params = patientId ? { query, patientId } : { query };
    return this.call(DocumentsResponse, { ...at(routes.documents, { pid: practiceId }), params });
  }

  /** A JSON call checked against `schema` (or none): the building block of workflow-client.ts. */
  json<S extends z.ZodType>(schema: S, config: Parameters<AxiosInstance['request']>[0]): Promise<z.infer<S>>;
  json(schema: null, config: Parameters<AxiosInstance['request']>[0]): Promise<void>;
  json(schema: z.ZodType | null, config: Parameters<AxiosInstance['request']>[0]): Promise<unknown> {
    return schema ? this.call(schema, config) : this.call(null, config);
  }

  /** A text answer and its headers (e.g. the audit trail as CSV, with `Accept: text/csv`). */
  async text(config: Parameters<AxiosInstance['request']>[0]): Promise<{ body: string; header(name: string): string }> {
    const response = await this.request({ ...config, responseType: 'text', transformResponse: (d: unknown) => d });
    if (response.status >= 400) throw toServerError(response, safeParse(response.data));
    return { body: String(response.data), header: (name) => String(response.headers[name.toLowerCase()] ?? '') };
  }

  private async bytes(url: string): Promise<{ bytes: Buffer; mimeType: string; fileName: string | null }> {
    const response = await this.request({ url, responseType: 'arraybuffer' });
    if (response.status >= 400) throw toServerError(response, parseJson(response.data));
    const mimeType = String(response.headers['content-type'] ?? 'application/octet-stream');
    const fileName = fileNameOf(String(response.headers['content-disposition'] ?? ''));
    return { bytes: Buffer.from(response.data as ArrayBuffer), mimeType, fileName };
  }

  private async call<S extends z.ZodType>(
    schema: S,
    config: Parameters<AxiosInstance['request']>[0],
  ): Promise<z.infer<S>>;
  private async call(schema: null, config: Parameters<AxiosInstance['request']>[0]): Promise<void>;
  private async call(schema: z.ZodType | null, config: Parameters<AxiosInstance['request']>[0]): Promise<unknown> {
    const response = await this.request(config);
    if (response.status >= 400) throw toServerError(response, response.data);
    if (!schema) return undefined;
    const parsed = schema.safeParse(response.data);
    if (!parsed.success)
      throw new ServerError(502, 'bad_response', 'The practice server sent an answer this app does not understand.');
    return parsed.data;
  }

  private async request(config: Parameters<AxiosInstance['request']>[0]): Promise<AxiosResponse> {
    const headers = { ...(config?.headers ?? {}), ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) };
    let response: AxiosResponse;
    try {
      response = await this.http.request({ ...config, headers });
    } catch (error) {
      throw new NetworkError(undefined, neverConnected(error));
    }
    this.onReachable();
    return response;
  }
}

/** Method and path of a route of the shared route table (common/http/routes.ts). */
export function at<R extends RouteSpec>(
  route: R,
  params: Parameters<typeof pathOf<R>>[1],
): { method: R['method']; url: string } {
  return { method: route.method, url: pathOf(route, params) };
}

export const badResponse = () =>
  new ServerError(502, 'bad_response', 'The practice server sent an answer this app does not understand.');

function fileNameOf(disposition: string): string | null {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      return null;
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? null;
}

function safeParse(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return null;
  }
}

function parseJson(data: unknown): unknown {
  try {
    return JSON.parse(Buffer.from(data as ArrayBuffer).toString('utf8'));
  } catch {
    return null;
  }
}

function toServerError(response: AxiosResponse, body: unknown): ServerError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) return new ServerError(response.status, parsed.data.error.code, parsed.data.error.message);
  return new ServerError(
    response.status,
    `http_${response.status}`,
    `The practice server answered ${response.status}.`,
  );
}

/** 5xx, 408 and 429 are worth retrying later; other 4xx mean the request itself was refused. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  return error instanceof ServerError && (error.status >= 500 || error.status === 408 || error.status === 429);
}
