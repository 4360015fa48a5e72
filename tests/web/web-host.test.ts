// The browser host over real loopback HTTP and WebSocket, with a fake engine (the engine has its own suite)
// whose stub methods sit behind the engine's real call pipeline, as every engine's do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import type { DesktopHandlers } from '../../common/desktop/index.js';
import { validatedHandlers } from '../../main/core/bridge/dispatch.js';
import type { Engine, EngineListener } from '../../main/core/host-ports.js';
import { startWebHost, type RunningWebHost } from '../../main/web/web-host.js';

const SECRET = 'a'.repeat(64);
/** The PNG signature is enough for the host: it serves the file as it is. */
const FAVICON = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
let host: RunningWebHost;
let rendererDir: string;
let emit: EngineListener = () => undefined;
const setMessageState = vi.fn(async () => ({ ok: true as const }));

const engine: Engine = {
  handlers: validatedHandlers({
    getAppInfo: async () => ({ name: 'Practice Messenger', version: '9.9.9', host: 'web' }),
    setMessageState,
  } as unknown as DesktopHandlers),
  subscribe(listener) {
    emit = listener;
    return () => (emit = () => undefined);
  },
  start: async () => undefined,
  reconnectNow: () => undefined,
  stop: async () => undefined,
  reportActivity: () => undefined,
  lockNow: () => undefined,
  locked: false,
};

/** A GET with any Host header (fetch won't send a foreign one); resolves to the status code. */
function getWithHost(path: string, hostHeader: string, headers: Record<string, string> = {}): Promise<number> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, agent: false, headers: { ...headers, host: hostHeader } };
    const req = httpRequest(options, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function openBridge(query: string, origin: string): Promise<WebSocket> {
  const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge${query}`, { origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextFrame(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'pm-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Practice Messenger</title>');
  writeFileSync(join(rendererDir, 'favicon.png'), FAVICON);
  host = await startWebHost({ engine, rendererDir, port: 0, secret: SECRET });
});
afterAll(async () => {
  await host.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('browser host', () => {
  it('listens on loopback only and serves the page with a strict CSP when the secret is given', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('serves the app icon as the favicon, at the address browsers ask for unprompted too', async () => {
    for (const path of ['/favicon.png', '/favicon.ico']) {
      const response = await fetch(`${host.origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await response.arrayBuffer()).equals(FAVICON)).toBe(true);
    }
  });

  it('refuses the page without the secret', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(403);
    expect((await fetch(`${host.origin}/?secret=wrong`)).status).toBe(403);
  });

  it('refuses /index.html and every other spelling of a page without the secret', async () => {
    for (const path of ['/index.html', '/INDEX.HTML', '/index%2Ehtml', '/%69ndex.html', '/./index.html']) {
      expect((await fetch(`${host.origin}${path}`)).status, path).toBeGreaterThanOrEqual(403);
      expect((await fetch(`${host.origin}${path}?secret=wrong`)).status, path).toBeGreaterThanOrEqual(403);
    }
    expect((await fetch(`${host.origin}/index.html?secret=${SECRET}`)).status).toBe(200);
  });

  it('refuses any request, page or socket, whose Host is not its own loopback host:port (DNS rebinding)', async () => {
    const own = new URL(host.origin).host;
    const { port } = new URL(host.origin);
    expect(await getWithHost(`/?secret=${SECRET}`, own)).toBe(200);
    for (const foreign of [`evil.example:${port}`, 'evil.example', `localhost.evil.example:${port}`, `127.0.0.1:1`]) {
      expect(await getWithHost(`/?secret=${SECRET}`, foreign), foreign).toBe(403);
      const upgrade = {
        connection: 'Upgrade',
        upgrade: 'websocket',
        origin: host.origin,
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      };
      expect(await getWithHost(`/bridge?secret=${SECRET}`, foreign, upgrade), foreign).toBe(403);
    }
  });

  it('tells a page that connects while the app is locked, before it asks for anything', async () => {
    (engine as { locked: boolean }).locked = true;
    try {
      const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge?secret=${SECRET}`, {
        origin: host.origin,
      });
      const frame = nextFrame(socket);
      expect(await frame).toEqual({ type: 'event', event: 'locked', payload: { locked: true } });
      socket.close();
    } finally {
      (engine as { locked: boolean }).locked = false;
    }
  });

  it('refuses a socket without the secret or from another origin', async () => {
    await expect(openBridge('', host.origin)).rejects.toThrow('HTTP 401');
    await expect(openBridge(`?secret=${'b'.repeat(64)}`, host.origin)).rejects.toThrow('HTTP 401');
    await expect(openBridge(`?secret=${SECRET}`, 'http://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('carries calls and results, and refuses bad arguments before the engine', async () => {
    const socket = await openBridge(`?secret=${SECRET}`, host.origin);
    socket.send(JSON.stringify({ type: 'call', id: 1, method: 'getAppInfo', args: {} }));
    expect(await nextFrame(socket)).toEqual({
      type: 'result',
      id: 1,
      ok: true,
      value: { name: 'Practice Messenger', version: '9.9.9', host: 'web' },
    });
    socket.send(
      JSON.stringify({
        type: 'call',
        id: 2,
        method: 'setMessageState',
        args: { messageId: 'm1', patch: { deleted: true } },
      }),
    );
    expect(await nextFrame(socket)).toMatchObject({ id: 2, ok: false, error: { code: 'invalid_arguments' } });
    expect(setMessageState).not.toHaveBeenCalled();
    socket.send('not json');
    socket.send(JSON.stringify({ type: 'call', id: 3, method: 'nope', args: {} }));
    expect(await nextFrame(socket)).toMatchObject({ id: 3, ok: false, error: { code: 'unknown_method' } });
    socket.close();
  });

  it('pushes engine events to connected pages', async () => {
    const socket = await openBridge(`?secret=${SECRET}`, host.origin);
    const frame = nextFrame(socket);
    emit('unreadCount', { total: 3, byPractice: { p1: 3 } });
    expect(await frame).toEqual({ type: 'event', event: 'unreadCount', payload: { total: 3, byPractice: { p1: 3 } } });
    socket.close();
  });
});
