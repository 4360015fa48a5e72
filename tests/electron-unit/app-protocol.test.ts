// The renderer served from pm-app://renderer/ (issue 13 item 9): which file a URL names (never one outside the
// built renderer), the one CSP as a header on pages, 404 otherwise. Real files in a temporary folder; Electron's
// net.fetch is replaced by a read from disk.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererFileFor, rendererProtocolHandler } from '../../main/electron/security/app-protocol.js';

let root: string;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
const fromDisk = async (file: string) =>
  new Response(readFileSync(file), { headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' } });

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pm-renderer-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>PM</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rendererFileFor', () => {
  it('maps our URLs to files under the renderer folder', () => {
    const dir = join(root, 'renderer');
    expect(rendererFileFor('pm-app://renderer/index.html#/inbox', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileFor('pm-app://renderer/', dir)).toBe(join(dir, 'index.html'));
    expect(rendererFileFor('pm-app://renderer/assets/app.js?v=1', dir)).toBe(join(dir, 'assets', 'app.js'));
  });

  it('refuses other hosts and schemes, and paths that leave the folder however they are spelled', () => {
    const dir = join(root, 'renderer');
    for (const url of [
      'pm-app://other/index.html',
      'file:///index.html',
      'pm-app://renderer/assets/..%2f..%2f..%2fsecret.txt',
      'pm-app://renderer/%00index.html',
      'pm-app://renderer/%E0%A4%A',
    ]) {
      expect(rendererFileFor(url, dir), url).toBeNull();
    }
    // Dot segments, plain or percent-encoded, are resolved by URL parsing itself, and stay inside.
    expect(rendererFileFor('pm-app://renderer/../../secret.txt', dir)).toBe(join(dir, 'secret.txt'));
    expect(rendererFileFor('pm-app://renderer/%2e%2e/%2e%2e/secret.txt', dir)).toBe(join(dir, 'secret.txt'));
  });
});

describe('the pm-app protocol handler', () => {
  const handler = () => rendererProtocolHandler(join(root, 'renderer'), "default-src 'none'", fromDisk);

  it('serves pages with the CSP header and scripts without one', async () => {
    const page = await handler()(new Request('pm-app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>PM</title>');
    const script = await handler()(new Request('pm-app://renderer/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it('answers 404 for missing files, escapes and other methods', async () => {
    for (const request of [
      new Request('pm-app://renderer/missing.js'),
      new Request('pm-app://renderer/%2e%2e/secret.txt'),
      new Request('pm-app://renderer/index.html', { method: 'POST', body: 'x' }),
    ]) {
      const response = await handler()(request);
      expect(response.status, request.url).toBe(404);
      expect(await response.text()).not.toContain('outside the renderer');
    }
  });
});
