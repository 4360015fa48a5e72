// Answers 405 (with Allow) for a known path asked with a method it does not have, instead of
// Fastify's default 404: e.g. DELETE on a message, since messages are never deleted.
import type { FastifyInstance, FastifyReply, HTTPMethods } from 'fastify';
import { sendError } from './error-handler.js';

const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** 405 `method_not_allowed`, with the Allow header naming the methods the address has. */
export function sendMethodNotAllowed(reply: FastifyReply, allowed: string[]): FastifyReply {
  const allow = allowed.join(', ');
  return sendError(reply.header('allow', allow), 405, 'method_not_allowed', `This address accepts only: ${allow}.`);
}

/** Call before registering routes; the returned function adds the 405 routes once all are known. */
export function trackRoutesForMethodNotAllowed(app: FastifyInstance): () => void {
  const methodsByPath = new Map<string, Set<string>>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const known = methodsByPath.get(route.url) ?? new Set<string>();
    for (const method of methods) known.add(method);
    methodsByPath.set(route.url, known);
  });
  return () => {
    for (const [url, known] of [...methodsByPath]) {
      const missing = METHODS.filter((method) => !known.has(method));
      if (missing.length === 0) continue;
      const allowed = METHODS.filter((method) => known.has(method));
      app.route({
        method: missing,
        url,
        schema: { hide: true },
        handler: (_request, reply) => sendMethodNotAllowed(reply, allowed),
      });
    }
  };
}
