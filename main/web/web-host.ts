// The browser host: serves the built renderer and carries the desktop API over a loopback WebSocket.
// Bound to 127.0.0.1 only; the page and the socket need the per-launch secret, and the socket checks Origin.
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WireCall } from '../../common/desktop/index.js';
import { dispatchDesktopCall } from '../core/bridge/dispatch.js';
import type { Engine } from '../core/host-ports.js';
import { contentSecurityPolicy } from './content-security-policy.js';

export interface WebHostOptions {
  engine: Engine;
  /** Folder holding the built renderer (index.html and assets/). */
  rendererDir: string;
  /** 0 picks any free port. */
  port?: number;
  /** Fixed secret for tests; by default a fresh random one each launch. */
  secret?: string;
}

export interface RunningWebHost {
  /** The address to open, secret included. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

function secretMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no index.html in ${options.rendererDir}). Run "npm run build" first.`);
  }
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const app = Fastify({ logger: false });
  let origin = '';

  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 * 1024 } });
  await app.register(fastifyStatic, { root: options.rendererDir, index: false, wildcard: true });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy(origin));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // Browsers ask for /favicon.ico on pages without an icon link (e.g. the 403 below): the app icon, not a 404.
  app.get('/favicon.ico', (_request, reply) => reply.type('image/png').sendFile('favicon.png'));

  // The page itself holds no data, but asking for the secret here too means a stray local page can't frame or script it.
  app.get('/', async (request, reply) => {
    if (!secretMatches(secret, (request.query as Record<string, unknown>).secret)) {
      return reply
        .code(403)
        .type('text/plain')
        .send('Open the address that "npm start" printed: it carries this launch\'s secret.');
    }
    return reply.sendFile('index.html');
  });

  const sockets = new Set<import('ws').WebSocket>();
  const unsubscribe = options.engine.subscribe((event, payload) => {
    const frame = JSON.stringify({ type: 'event', event, payload });
    for (const socket of sockets) socket.send(frame);
  });

  app.get(
    '/bridge',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        if (!secretMatches(secret, query.secret))
          return reply
            .code(401)
            .send({ error: { code: 'bad_secret', message: "This launch's secret is missing or wrong." } });
        if (request.headers.origin !== origin)
          return reply
            .code(403)
            .send({ error: { code: 'bad_origin', message: "Only the app's own page may connect." } });
      },
    },
    (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('message', async (data) => {
        let call: WireCall;
        try {
          call = WireCall.parse(JSON.parse(String(data)));
        } catch {
          return; // Not a call frame from our client: ignore rather than echo anything back.
        }
        const outcome = await dispatchDesktopCall(options.engine.handlers, call.method, call.args);
        if (socket.readyState !== socket.OPEN) return;
        socket.send(
          JSON.stringify(
            outcome.ok
              ? { type: 'result', id: call.id, ok: true, value: outcome.value }
              : { type: 'result', id: call.id, ok: false, error: outcome.error },
          ),
        );
      });
    },
  );

  await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('The browser host did not get a TCP port.');
  origin = `http://${LOOPBACK}:${address.port}`;
  return {
    url: `${origin}/?secret=${secret}`,
    origin,
    async close() {
      unsubscribe();
      for (const socket of sockets) socket.terminate();
      await app.close();
    },
  };
}
