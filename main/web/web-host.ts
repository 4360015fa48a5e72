// The browser host: serves the built renderer and carries the desktop API over a loopback WebSocket.
// Bound to 127.0.0.1 only; every request must name that host:port (no DNS rebinding), every page and
// the socket need the per-launch secret, and the socket checks Origin.
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

/** The app's page itself (any HTML), as opposed to its scripts, styles and the bridge. */
function isPage(url: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0] ?? '').toLowerCase();
  } catch {
    return true; // undecodable: treat as a page, so the secret is asked for
  }
  return path.endsWith('/') || /\.html?$/.test(path);
}

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
  let expectedHost = '';

  await app.register(fastifyWebsocket, { options: { maxPayload: 16 * 1024 * 1024 } });
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    index: false,
    wildcard: true,
    // The backstop for any spelling of a page's path that reaches the file server: the secret or nothing.
    allowedPath: (pathName, _root, request) =>
      !/\.html?$/i.test(pathName) || secretMatches(secret, (request.query as Record<string, unknown>).secret),
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Content-Security-Policy', contentSecurityPolicy(origin));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // A rebound DNS name reaches this port too, with its own name in Host: only our exact host:port is served.
  // Pages hold no data, but asking for the secret means a stray local page can't frame or script them.
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.host !== expectedHost) {
      return reply.code(403).type('text/plain').send('This address does not belong to Practice Messenger.');
    }
    if (isPage(request.url) && !secretMatches(secret, (request.query as Record<string, unknown>).secret)) {
      return reply
        .code(403)
        .type('text/plain')
        .send('Open the address that "npm start" printed: it carries this launch\'s secret.');
    }
  });
  app.get('/', async (_request, reply) => reply.sendFile('index.html'));
  // Browsers ask for /favicon.ico where a page has no icon link (e.g. the 403 above): the app icon, not a 404.
  app.get('/favicon.ico', (_request, reply) => reply.type('image/png').sendFile('favicon.png'));

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
      // A page loaded (or reloaded) while locked must show the lock screen, not ask for data first.
      if (options.engine.locked)
        socket.send(JSON.stringify({ type: 'event', event: 'locked', payload: { locked: true } }));
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
  expectedHost = `${LOOPBACK}:${address.port}`;
  origin = `http://${expectedHost}`;
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
