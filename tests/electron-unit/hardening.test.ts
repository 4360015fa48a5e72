// Window and session hardening: CSP, navigation and new-window guards, permission denial, and
// which URLs count as our page. Electron is not loaded: webContents and session are fakes.
import { describe, expect, it, vi } from 'vitest';
import { rendererContentSecurityPolicy } from '../../main/electron/security/content-security-policy.js';
import {
  decideExternalLink,
  installNavigationGuards,
  type GuardedContents,
} from '../../main/electron/security/navigation-guards.js';
import { isOurRendererUrl, rendererLocation } from '../../main/electron/security/renderer-location.js';
import {
  applySessionPolicy,
  withContentSecurityPolicy,
  type PolicySession,
} from '../../main/electron/security/session-policy.js';

const location = rendererLocation(null);

describe('content security policy', () => {
  it('allows no inline script, no eval and no network in production', () => {
    const csp = rendererContentSecurityPolicy(null);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    // Only our own blob: URLs, for the PDF viewer in the attachment preview; no remote objects.
    expect(csp).toContain('object-src blob:');
    expect(csp).not.toMatch(/object-src[^;]*(https?:|\*|'self')/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('allows the dev server (and its hot-reload socket) only when one is given, never eval', () => {
    const csp = rendererContentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain('connect-src');
    expect(csp).toContain('ws://localhost:5173');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('replaces any CSP header the response had, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' },
      "default-src 'none'",
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'none'"] });
  });
});

describe('session policy', () => {
  it('denies every permission request and check, and sets the CSP on responses', () => {
    let request: Parameters<PolicySession['setPermissionRequestHandler']>[0] = () => undefined;
    let check: Parameters<PolicySession['setPermissionCheckHandler']>[0] = () => true;
    let onHeaders: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0] = () => undefined;
    applySessionPolicy(
      {
        setPermissionRequestHandler: (h) => void (request = h),
        setPermissionCheckHandler: (h) => void (check = h),
        webRequest: { onHeadersReceived: (l) => void (onHeaders = l) },
      },
      'CSP',
    );
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check({}, permission)).toBe(false);
    }
    const respond = vi.fn();
    onHeaders({ responseHeaders: {} }, respond);
    expect(respond).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': ['CSP'] } });
  });
});

describe('our page', () => {
  it.each([
    ['pm-app://renderer/index.html', true],
    ['pm-app://renderer/index.html#/inbox?x=1', true],
    ['pm-app://renderer/', true],
    ['pm-app://other/index.html', false],
    ['pm-app://user:pw@renderer/index.html', false],
    ['file:///app/out/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com/app/out/renderer/index.html', false],
    ['about:blank', false],
  ])('%s -> %s', (url, ours) => {
    expect(isOurRendererUrl(url, location)).toBe(ours);
  });
});

describe('navigation guards', () => {
  function contents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (details: { url: string }) => { action: 'deny' } = () => ({ action: 'deny' });
    const fake: GuardedContents = {
      on: ((event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
        listeners.set(event, listener);
      }) as GuardedContents['on'],
      setWindowOpenHandler: (handler) => void (openHandler = handler),
    };
    const openInBrowser = vi.fn(async () => undefined);
    const log = vi.fn();
    installNavigationGuards(fake, { openInBrowser, isOurPage: (url) => isOurRendererUrl(url, location), log });
    const navigate = (event: string, url?: string) => {
      const e = { preventDefault: vi.fn() };
      listeners.get(event)?.(e, url);
      return e.preventDefault;
    };
    return { navigate, open: (url: string) => openHandler({ url }), openInBrowser, log };
  }

  it('blocks navigation away from our page and opens web links in the system browser', () => {
    const c = contents();
    expect(c.navigate('will-navigate', 'https://portal.example/help')).toHaveBeenCalled();
    expect(c.openInBrowser).toHaveBeenCalledWith('https://portal.example/help');
    expect(c.navigate('will-redirect', 'file:///etc/passwd')).toHaveBeenCalled();
    expect(c.openInBrowser).toHaveBeenCalledTimes(1);
  });

  it('lets our own page reload', () => {
    expect(contents().navigate('will-navigate', 'pm-app://renderer/index.html')).not.toHaveBeenCalled();
  });

  it('denies every new window; http(s) goes to the browser, other schemes are refused', () => {
    const c = contents();
    expect(c.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(c.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(c.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(c.open('ms-msdt:/id PCWDiagnostic')).toEqual({ action: 'deny' });
    expect(c.openInBrowser.mock.calls).toEqual([['https://example.com/']]);
    expect(c.log).toHaveBeenCalledTimes(3);
  });

  it('refuses <webview> attachment', () => {
    expect(contents().navigate('will-attach-webview')).toHaveBeenCalled();
  });

  it.each([
    ['https://a.example', 'open-in-browser'],
    ['http://a.example', 'open-in-browser'],
    ['mailto:x@y.z', 'refuse'],
    ['smb://share/x', 'refuse'],
    ['not a url', 'refuse'],
  ])('decideExternalLink(%s) -> %s', (url, decision) => {
    expect(decideExternalLink(url)).toBe(decision);
  });
});
