// The OpenAPI document (/api/v1/openapi.json): generated from the routes' zod schemas and completed
// here with what routes share: the bearer scheme, and the error answers that authentication, path
// ids, queries and bodies give, merged with each route's own (declared with errorResponses()).
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SERVER_VERSION } from '../version.js';

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;
/** Per error status, the `error.code`s a route may answer with. */
export type ErrorCodes = Partial<Record<ErrorStatus, readonly string[]>>;

const TOKEN_ERRORS = ['missing_token', 'invalid_token', 'token_expired'];
/** No bearer token needed (the live socket authenticates with its first message). */
const PUBLIC_ROUTES = new Set([
  'GET /api/v1/health',
  'POST /api/v1/session',
  'POST /api/v1/portal/session',
  'GET /api/v1/live',
  'GET /api/v1/openapi.json',
]);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const codesOf = new WeakMap<object, readonly string[]>();

function errorBody(codes: readonly string[]): z.ZodType {
  const schema = z
    .object({ error: z.object({ code: z.enum(codes as [string, ...string[]]), message: z.string() }) })
    .describe(codes.map((code) => `\`${code}\``).join(', '));
  codesOf.set(schema, codes);
  return schema;
}

/** Response schemas for a route's own error answers: an ErrorBody whose code is one of those listed. */
export function errorResponses(codes: ErrorCodes): Record<number, z.ZodType> {
  return Object.fromEntries(Object.entries(codes).map(([status, list]) => [Number(status), errorBody(list ?? [])]));
}

/** The answers every route of its kind gives, from what the route declares. */
function sharedErrors(method: string, route: RouteOptions): ErrorCodes {
  const schema = route.schema ?? {};
  const codes: Record<number, string[]> = {};
  const add = (status: ErrorStatus, ...list: string[]): void =>
    void (codes[status] = [...(codes[status] ?? []), ...list]);
  if (!PUBLIC_ROUTES.has(`${method} ${route.url}`)) add(401, ...TOKEN_ERRORS);
  if (schema.params || route.url.includes('/practices/:pid')) add(404, 'not_found');
  if (schema.querystring || schema.body) add(422, 'invalid_field');
  if (schema.querystring || BODY_METHODS.has(method)) add(400, 'malformed_request');
  // A route with its own raw-bytes parser (`consumes`) takes any media type and has its own size limit.
  if (BODY_METHODS.has(method) && !schema.consumes) {
    add(413, 'body_too_large');
    add(415, 'unsupported_media_type');
  }
  return codes;
}

/** Adds the shared error answers and the bearer requirement to each documented route as it is added. */
function completeRoute(route: RouteOptions): void {
  const schema = route.schema ?? {};
  if (schema.hide) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const method = methods[0] ?? 'GET';
  const response = { ...(schema.response as Record<number, object> | undefined) };
  for (const [status, shared] of Object.entries(sharedErrors(method, route))) {
    const own = response[Number(status)];
    const merged = new Set([...(shared ?? []), ...((own && codesOf.get(own)) ?? [])]);
    response[Number(status)] = errorBody([...merged]);
  }
  const security = PUBLIC_ROUTES.has(`${method} ${route.url}`) ? {} : { security: [{ bearer: [] }] };
  route.schema = { ...schema, ...security, response };
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', completeRoute);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Practice Messenger server', version: SERVER_VERSION },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      'openapiObject' in document ? finish(document.openapiObject as OpenApiDocument) : document.swaggerObject,
  });
}

interface OpenApiOperation {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { content?: unknown }>;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

/** Final touches zod cannot express: a 204 has no body at all; the upload's raw body and header. */
function finish(document: OpenApiDocument): OpenApiDocument {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      if (operation.responses?.['204']) delete operation.responses['204'].content;
    }
  }
  return describeUpload(document);
}

/** The upload's body is raw bytes of any type, named by a header: nothing a zod schema describes. */
function describeUpload(document: OpenApiDocument): OpenApiDocument {
  const upload = document.paths?.['/api/v1/practices/{pid}/attachments']?.post;
  if (upload) {
    upload.requestBody = {
      required: true,
      description: 'The file itself, at most 10 MiB; Content-Type is its media type.',
      content: { '*/*': { schema: { type: 'string', format: 'binary', maxLength: 10_485_760 } } },
    };
    upload.parameters = [
      ...(upload.parameters ?? []),
      {
        in: 'header',
        name: 'X-File-Name',
        required: true,
        description: 'The file name, URL-encoded: 1 to 255 characters, no control or bidi characters.',
        schema: { type: 'string', minLength: 1 },
      },
    ];
  }
  return document;
}
