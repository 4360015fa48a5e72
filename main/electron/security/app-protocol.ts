// Serves the built renderer from pm-app://renderer/ (protocol.handle) instead of file://: the page gets an origin of
// its own, file:// keeps no extra powers (the grantFileProtocolExtraPrivileges fuse is off), and the one CSP goes
// with every page as a header (there is no <meta> policy to disagree with it).
import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './renderer-location.js';

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** The file under `root` a pm-app://renderer/... URL names, or null for another host or a path leaving `root`. */
export function rendererFileFor(url: string, root: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, path === '/' ? 'index.html' : path));
  return file.startsWith(base + sep) ? file : null;
}

/** Reads one file as a Response (Electron: net.fetch of its file:// URL; tests: the disk). */
export type FileResponder = (file: string) => Promise<Response>;

/** The protocol handler: our files, the CSP on pages, 404 for everything else. */
export function rendererProtocolHandler(root: string, contentSecurityPolicy: string, readFile: FileResponder) {
  return async (request: Request): Promise<Response> => {
    const file = rendererFileFor(request.url, root);
    if (!file || request.method !== 'GET') return new Response('Not found', { status: 404 });
    let response: Response;
    try {
      response = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    if (!response.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (extname(file) === '.html') headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(response.body, { status: 200, headers });
  };
}
