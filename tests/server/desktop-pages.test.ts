// What the practice server offers the desktop app outside the API (issue 13 items 1 and 5), all for real: a release
// laid out as electron-builder writes it is published with `npm run server -- publish-update` (the real CLI), then
// served byte for byte at /updates/ (ranges for differential downloads included); a release that doesn't verify
// publishes nothing. The email alert's link leads to /open/message/<id>, an HTML page offering the practice-messenger://
// link to that message.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { publishUpdate } from '../../server/services/updates/publish-update.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { alertLink, startSmtpSink, type SmtpSink } from '../support/practice-server-smtp.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';

const root = resolve(import.meta.dirname, '../..');
const INSTALLER = 'Practice Messenger Setup 1.2.0.exe';
const DEB = 'practice-messenger_1.2.0_amd64.deb';

let server: TestPracticeServer;
let sink: SmtpSink;
let world: DemoWorld;
const work = mkdtempSync(join(tmpdir(), 'pm-release-'));

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** A folder as `npm run dist` leaves it: installers, a blockmap, and latest*.yml with sha512 and size. */
function release(name: string, version = '1.2.0', tamper: (folder: string) => void = () => undefined): string {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  const installer = randomBytes(200_000);
  const deb = randomBytes(50_000);
  writeFileSync(join(folder, INSTALLER), installer);
  writeFileSync(join(folder, `${INSTALLER}.blockmap`), randomBytes(500));
  writeFileSync(join(folder, DEB), deb);
  writeFileSync(join(folder, 'builder-debug.yml'), 'not: published');
  const channel = (file: string, bytes: Buffer) =>
    stringify({
      version,
      files: [{ url: file, sha512: sha512(bytes), size: bytes.length }],
      path: file,
      sha512: sha512(bytes),
      releaseDate: '2026-12-01T10:00:00.000Z',
    });
  writeFileSync(join(folder, 'latest.yml'), channel(INSTALLER, installer));
  writeFileSync(join(folder, 'latest-linux.yml'), channel(DEB, deb));
  tamper(folder);
  return folder;
}

function publish(folder: string): { status: number | null; out: string } {
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/cli.ts'), 'publish-update', folder],
    { encoding: 'utf8', env: { ...process.env, DATA_DIR: server.dataDir, UPDATES_DIR: '' }, timeout: 60_000 },
  );
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const updatesDir = () => join(server.dataDir, 'updates');
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ smtpUrl: sink.url, emailRetryBaseMs: 20 });
  world = await signInDemo(server.url);
});

afterAll(async () => {
  await server?.cleanup();
  await sink?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('publishing and serving updates', () => {
  it('publishes a verified release and serves latest.yml exactly as electron-builder wrote it', async () => {
    const folder = release('good');
    const result = publish(folder);
    expect(result.out).toMatch(/Published Practice Messenger 1\.2\.0 \(latest-linux\.yml, latest\.yml; 3 files\)/);
    expect(result.status).toBe(0);
    expect(readdirSync(updatesDir()).sort()).toEqual(
      [DEB, INSTALLER, `${INSTALLER}.blockmap`, 'latest-linux.yml', 'latest.yml'].sort(),
    );
    const yml = await get('/updates/latest.yml');
    expect(yml.status).toBe(200);
    expect(yml.headers.get('cache-control')).toBe('no-cache');
    expect(Buffer.from(await yml.arrayBuffer()).equals(readFileSync(join(folder, 'latest.yml')))).toBe(true);
  });

  it('serves installers byte for byte, by name, with byte ranges for differential downloads', async () => {
    const original = readFileSync(join(work, 'good', INSTALLER));
    const whole = await get(`/updates/${encodeURIComponent(INSTALLER)}`);
    expect(whole.status).toBe(200);
    expect(sha512(Buffer.from(await whole.arrayBuffer()))).toBe(sha512(original));
    const part = await get(`/updates/${encodeURIComponent(INSTALLER)}`, { Range: 'bytes=1000-1999' });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(original.subarray(1000, 2000))).toBe(true);
    const head = await fetch(`${server.url}/updates/latest-linux.yml`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('serves nothing else: no other file of the data folder, no half-copied file, nothing unknown', async () => {
    writeFileSync(join(updatesDir(), '.latest.yml.part'), 'half');
    for (const path of [
      '/updates/..%2fpractice.sqlite',
      '/updates/../practice.sqlite',
      '/updates/.latest.yml.part',
      '/updates/builder-debug.yml',
      '/updates/nope.exe',
      '/updates/',
    ]) {
      const response = await get(path);
      expect([403, 404], path).toContain(response.status);
    }
  });

  it('refuses a release whose installer does not match its sha512, and publishes none of it', async () => {
    const before = readFileSync(join(updatesDir(), 'latest.yml'));
    const folder = release('tampered', '1.3.0', (f) => writeFileSync(join(f, INSTALLER), randomBytes(200_000)));
    const result = publish(folder);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/Nothing was published: .*Setup 1\.2\.0\.exe does not match the sha512 in latest\.yml/);
    expect(readFileSync(join(updatesDir(), 'latest.yml')).equals(before)).toBe(true);
    expect(readdirSync(updatesDir()).some((f) => f.endsWith('.part') && f !== '.latest.yml.part')).toBe(false);
  });

  it('refuses folders that are not a release, saying what is wrong', async () => {
    const refusal = (folder: string) =>
      publishUpdate(folder, updatesDir()).then(
        () => 'published',
        (e: Error) => e.message,
      );
    const empty = join(work, 'empty');
    mkdirSync(empty);
    expect(await refusal(empty)).toMatch(/holds no latest\*\.yml/);
    expect(await refusal(join(work, 'missing'))).toMatch(/is not a folder/);
    const missing = release('missing-file', '1.4.0', (f) => rmSync(join(f, DEB)));
    expect(await refusal(missing)).toMatch(
      /latest-linux\.yml names practice-messenger_1\.2\.0_amd64\.deb, which is not in/,
    );
    const escape = release('escape', '1.5.0', (f) =>
      writeFileSync(
        join(f, 'latest.yml'),
        stringify({ version: '1.5.0', files: [{ url: '../../etc/passwd', sha512: 'x' }] }),
      ),
    );
    expect(await refusal(escape)).toMatch(
      /latest\.yml is not an electron-builder update file \(check: files\.0\.url\)/,
    );
    const garbled = release('garbled', '1.6.0', (f) => writeFileSync(join(f, 'latest.yml'), 'version: [unclosed'));
    expect(await refusal(garbled)).toMatch(/latest\.yml is not valid YAML/);
    const mixed = release('mixed', '1.7.0', (f) =>
      writeFileSync(
        join(f, 'latest-linux.yml'),
        readFileSync(join(f, 'latest-linux.yml'), 'utf8').replace('1.7.0', '1.6.9'),
      ),
    );
    expect(await refusal(mixed)).toMatch(/different versions: 1\.6\.9, 1\.7\.0/);
    expect(readFileSync(join(updatesDir(), 'latest.yml'), 'utf8')).toContain('version: 1.2.0');
  });
});

describe('the page email alerts link to', () => {
  it('is linked from the email alert, and offers the practice-messenger:// link, as HTML', async () => {
    await world.lee.api('PUT', `/practices/${world.sunriseId}/settings`, {
      settings: { portalMessagesInInbox: true, emailNotifications: true },
    });
    const sent = await world.desk.api('POST', `/practices/${world.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [world.lee.login.user.id],
      subject: 'Call the lab',
      body: 'Results are in.',
    });
    const messageId = (sent.body as { message: { id: string } }).message.id;
    await expect.poll(() => sink.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const link = alertLink(sink.received[0]?.raw ?? '') ?? '';
    expect(link).toBe(`${server.url}/open/message/${messageId}`);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await page.text();
    expect(html).toContain('>Open in Practice Messenger</a>');
    // The app's link: this server and the message, by id; nothing about what it says.
    expect(html).toContain(
      `href="practice-messenger://open?server=${encodeURIComponent(server.url)}&amp;message=${messageId}"`,
    );
    expect(html).not.toMatch(/Call the lab|Results are in/);
  });

  it('links a message by id, and never trusts the Host header for the server address', async () => {
    const id = randomUUID();
    const html = await (await get(`/open/message/${id}`, { Host: 'evil.example' })).text();
    expect(html).toContain(
      `href="practice-messenger://open?server=${encodeURIComponent(server.url)}&amp;message=${id}"`,
    );
    expect(html).not.toContain('evil.example');
  });

  it('answers a broken or unknown link with the same HTML page (never a JSON error)', async () => {
    for (const path of ['/open/message/' + 'x'.repeat(200), '/open/whatever/else', '/open/']) {
      const response = await get(path);
      expect([200, 404], path).toContain(response.status);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(await response.text(), path).toContain('Open in Practice Messenger');
    }
  });
});
