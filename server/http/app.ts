// Builds the Fastify app: zod validation and serialization, OpenAPI from the same schemas, the
// error shape and 405 handling; `registerRoutes` adds the routes under /api/v1.
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { z } from 'zod';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from './app-type.js';
import { installErrorHandling, sendError } from './error-handler.js';
import { loggerOptions, type LogStream } from './logger.js';
import { trackRoutesForMethodNotAllowed } from './method-not-allowed.js';
import { registerOpenApi } from './openapi.js';

const JSON_BODY_LIMIT = 2 * 1024 * 1024; // a 100,000-character body, escaped, fits with room

/** One answer as sent (tests check each against the OpenAPI document). */
export interface ObservedResponse {
  method: string;
  /** The route's path pattern (`/api/v1/practices/:pid`), or null when no route matched. */
  route: string | null;
  status: number;
  contentType: string;
  /** The body when it was text (JSON); null for streams and bytes. */
  body: string | null;
}

export interface AppOptions {
  logger: boolean;
  logStream?: LogStream | undefined;
  /** Fastify's trustProxy: whose X-Forwarded-For names the client (sign-in limits per address). */
  trustProxy?: boolean | string | undefined;
  /** Tests: called with every answer. */
  observeResponses?: ((response: ObservedResponse) => void) | undefined;
  /** Routes outside /api/v1, at the root (the desktop app's updates and the /open page: routes/desktop-pages.ts). */
  registerRootRoutes?: ((app: App) => Promise<void>) | undefined;
}

export async function buildApp(registerRoutes: (api: App) => void, o: AppOptions): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(o.logger, o.logStream),
    trustProxy: o.trustProxy ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    forceCloseConnections: true, // so a restart can bind the same port at once
    requestTimeout: 5 * 60_000, // a whole request, a 10 MiB upload on a slow line included
    return503OnClosing: true,
    // Router-level failures happen before routing, so they bypass the error handler.
    frameworkErrors: (error, _request, reply) =>
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendError(reply, 404, 'not_found', 'Nothing was found at this address, or you do not have access to it.')
        : sendError(reply, 400, 'malformed_request', 'The address of this request is malformed.'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  // JSON only (415 otherwise); the attachment upload route installs its own raw-bytes parser.
  app.removeContentTypeParser('text/plain');
  // An empty body sent as JSON (a DELETE from some HTTP clients) is no body, not an error;
  // everything else goes through Fastify's own parser, which refuses __proto__ and constructor keys.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body === '' || body.length === 0 ? done(null, undefined) : parseJson(request, body.toString(), done),
  );
  const addMethodNotAllowed = trackRoutesForMethodNotAllowed(app);
  // Answers carry PHI and tokens: no browser, proxy or OS cache may keep any (errors included).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    o.observeResponses?.({
      method: request.method,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      contentType: String(reply.getHeader('content-type') ?? ''),
      body: typeof payload === 'string' ? payload : null,
    });
    done(null, payload);
  });

  await registerOpenApi(app);
  await app.register(fastifyWebsocket, { options: { maxPayload: 4096 } });
  await app.register(async (api) => registerRoutes(api as App), { prefix: '/api/v1' });
  if (o.registerRootRoutes) await app.register(async (root) => o.registerRootRoutes?.(root as App));
  app.get(
    '/api/v1/openapi.json',
    { schema: { summary: 'This document (OpenAPI 3).', response: { 200: z.looseObject({ openapi: z.string() }) } } },
    () => app.swagger() as { openapi: string },
  );
  addMethodNotAllowed();
  await app.ready();
  return app;
}
