// The assembled Electron host in plain Node, against a real demo practice server and the real engine:
// only the `electron` module and electron-store are replaced (support/fake-electron.ts records calls).
// Covers what the unit tests cannot: the wiring between IPC, engine, tray, badge, lock and notifications.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DispatchOutcome } from '../../main/core/bridge/dispatch.js';
import type { RunningDesktopHost } from '../../main/electron/desktop-host.js';
import { signInDemo, type DemoWorld } from '../support/practice-server-demo.js';
import { startTestServer, type TestPracticeServer } from '../support/practice-server.js';
import { powerMonitor, recorded } from './support/fake-electron.js';

vi.mock('electron', () => import('./support/fake-electron.js'));
vi.mock('electron-store', async () => ({ default: (await import('./support/fake-electron.js')).FakeStore }));

const root = resolve(import.meta.dirname, '../..');
const rendererDir = join(root, 'out/renderer');
const DEMO = { email: 'frontdesk@sunrise.example', password: 'demo-password-1' };

let server: TestPracticeServer;
let world: DemoWorld;
let host: RunningDesktopHost;
let profile: string;

const window = () => {
  const w = recorded.windows[0];
  if (!w) throw new Error('no window was created');
  return w;
};
const tray = () => recorded.trays[0];
const trustedEvent = () => ({
  sender: { id: window().webContents.id },
  senderFrame: { url: 'pm-app://renderer/index.html', parent: null },
});
const call = async (method: string, args: unknown, event: unknown = trustedEvent()): Promise<DispatchOutcome> => {
  const handler = recorded.ipcHandlers.get(`pm:call:${method}`);
  if (!handler) throw new Error(`no IPC handler for ${method}`);
  return (await handler(event, args)) as DispatchOutcome;
};
const sentEvents = (name: string) =>
  window()
    .webContents.sent.filter(([channel]) => channel === `pm:event:${name}`)
    .map(([, payload]) => payload);

beforeAll(async () => {
  server = await startTestServer();
  world = await signInDemo(server.url);
  profile = mkdtempSync(join(tmpdir(), 'pm-electron-host-'));
  Object.assign(recorded.paths, { userData: profile, appData: profile, appPath: root, logs: join(profile, 'logs') });
  const { startDesktopHost } = await import('../../main/electron/desktop-host.js');
  host = await startDesktopHost(
    { practiceServerUrl: server.url, rendererDevUrl: null, userDataDir: null, e2e: false },
    { preload: join(root, 'out/preload/index.cjs'), rendererDir },
    { startHidden: false, policy: {}, trayAvailable: true, logsFolder: join(profile, 'logs') },
  );
});

afterAll(async () => {
  await host?.stop();
  await server?.cleanup();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the assembled Electron host (Electron mocked)', () => {
  it('opens one locked-down window on the built renderer, with the tray already showing', () => {
    expect(recorded.windows).toHaveLength(1);
    expect(window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      plugins: true,
      preload: join(root, 'out/preload/index.cjs'),
    });
    expect(window().loadedUrl).toBe('pm-app://renderer/index.html');
    expect(window().loadedFile).toBeNull();
    expect(tray()?.tooltip).toBe('Practice Messenger - No unread messages');
    expect(recorded.permissionHandlers.request).not.toBeNull();
    expect(recorded.headerListener).not.toBeNull();
  });

  it('serves the built page from pm-app://renderer with the one CSP as a header (no <meta> policy to disagree)', async () => {
    const handler = recorded.protocolHandlers.get('pm-app');
    if (!handler) throw new Error('pm-app is not handled');
    const page = await handler(new Request('pm-app://renderer/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    expect(html.toLowerCase()).not.toContain('http-equiv');
    expect((await handler(new Request('pm-app://renderer/../../package.json'))).status).toBe(404);
  });

  it('puts "Open logs folder" in the application menu, opening the OS log folder', () => {
    const menu = recorded.applicationMenu as {
      items: { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    };
    const help = menu.items.find((item) => item.label === 'Help');
    help?.submenu?.find((item) => item.label === 'Open logs folder')?.click?.();
    expect(recorded.calls).toContain(`openPath ${join(profile, 'logs')}`);
  });

  it('refuses a forged sender and malformed arguments; answers our page', async () => {
    const forged = { sender: { id: 999 }, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await call('getSession', {}, forged)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await call('signIn', { serverUrl: server.url, email: DEMO.email }, trustedEvent())).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' },
    });
    expect(await call('getSession', {})).toMatchObject({
      ok: true,
      value: { signedIn: false, defaultServerUrl: server.url },
    });
  });

  it('signs in and shows the real unread count on the tray and the Linux badge', async () => {
    const signIn = await call('signIn', { serverUrl: server.url, email: DEMO.email, password: DEMO.password });
    expect(signIn).toMatchObject({ ok: true, value: { signedIn: true } });
    await vi.waitFor(
      async () => {
        const counts = await call('getUnreadCounts', {});
        if (!counts.ok) throw new Error('no counts');
        const total = (counts.value as { total: number }).total;
        expect(tray()?.tooltip).toBe(`Practice Messenger - ${total} unread message${total === 1 ? '' : 's'}`);
      },
      { timeout: 15_000, interval: 50 },
    );
  });

  it('raises a notification for a new message; clicking it shows the window at that message, once', async () => {
    const before = recorded.notifications.length;
    const badgeBefore = recorded.badgeCounts.at(-1) ?? 0;
    window().hide();
    await world.lee.api('POST', `/practices/${world.sunriseId}/messages`, {
      clientId: randomUUID(),
      to: [world.desk.login.user.id],
      subject: 'Host wiring check',
      body: 'Please call back.',
    });
    await vi.waitFor(() => expect(recorded.notifications.length).toBeGreaterThan(before), {
      timeout: 15_000,
      interval: 50,
    });
    expect(recorded.badgeCounts.at(-1)).toBe(badgeBefore + 1);
    const notification = recorded.notifications.at(-1);
    notification?.emit('click');
    expect(window().visible).toBe(true);
    expect(window().focused).toBe(true);
    const shown = sentEvents('showMessage');
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ practiceId: world.sunriseId });
  });

  it('locks on the OS screen lock: data calls refused, badge still live; the password unlocks', async () => {
    powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(sentEvents('locked').at(-1)).toEqual({ locked: true }));
    expect(await call('getOutbox', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await call('getUnreadCounts', {})).toMatchObject({ ok: true });
    expect(await call('unlock', { password: 'wrong-password' })).toMatchObject({
      ok: true,
      value: { unlocked: false },
    });
    expect(await call('getOutbox', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await call('unlock', { password: DEMO.password })).toMatchObject({ ok: true, value: { unlocked: true } });
    expect(sentEvents('locked').at(-1)).toEqual({ locked: false });
    expect(await call('getOutbox', {})).toMatchObject({ ok: true });
  });

  it('opens a practice-messenger:// link at its message; a link for another server only gets a note', async () => {
    const inbox = await call('listMessages', { practiceId: world.sunriseId, folder: 'inbox', limit: 5 });
    const lastShown = (sentEvents('showMessage').at(-1) as { messageId?: string } | undefined)?.messageId;
    const rows = (inbox as { value: { rows: { id: string }[] } }).value.rows;
    const messageId = rows.find((row) => row.id !== lastShown)?.id ?? '';
    window().hide();
    const before = sentEvents('showMessage').length;
    host.openDeepLink({ server: server.url, messageId });
    await vi.waitFor(() => expect(sentEvents('showMessage').length).toBe(before + 1));
    expect(sentEvents('showMessage').at(-1)).toEqual({ practiceId: world.sunriseId, messageId });
    expect(window().visible).toBe(true);
    host.openDeepLink({ server: 'https://other.example.org', messageId });
    await vi.waitFor(() => expect(recorded.dialogs.at(-1)?.message).toMatch(/other\.example\.org/));
    expect(sentEvents('showMessage').length).toBe(before + 1);
  });

  it('hides to the tray on close, and persists preferences the host applies', async () => {
    window().show();
    window().close();
    expect(window().visible).toBe(false);
    const saved = await call('savePreferences', { idleLockMinutes: 1 });
    expect(saved).toMatchObject({ ok: true, value: { idleLockMinutes: 1 } });
  });
});
