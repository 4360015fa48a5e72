// Linux desktop facts read before Electron is ready (issue 13 items 7 and 9): whether a tray shows (so "close to
// tray" defaults on), and whether to point Chromium at a Secret Service it would otherwise miss (electron#39789).
// The bus names come from a real private D-Bus session bus where dbus-daemon is installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { linuxTrayAvailable, parseDbusNames, passwordStoreSwitch } from '../../main/electron/platform/linux-desktop.js';
import { sessionBusNames } from '../../main/electron/platform/session-bus.js';

const names = (...list: string[]) => new Set(list);

describe('passwordStoreSwitch', () => {
  it('picks gnome-libsecret on a desktop Chromium does not know, when a Secret Service is there', () => {
    expect(passwordStoreSwitch({ XDG_CURRENT_DESKTOP: 'sway' }, [], names('org.freedesktop.secrets'))).toBe(
      'gnome-libsecret',
    );
    expect(passwordStoreSwitch({}, [], names('org.freedesktop.secrets'))).toBe('gnome-libsecret');
  });

  it('leaves known desktops, missing Secret Services and an explicit --password-store alone', () => {
    expect(
      passwordStoreSwitch({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME' }, [], names('org.freedesktop.secrets')),
    ).toBeNull();
    expect(passwordStoreSwitch({ XDG_CURRENT_DESKTOP: 'KDE' }, [], names('org.freedesktop.secrets'))).toBeNull();
    expect(passwordStoreSwitch({ XDG_CURRENT_DESKTOP: 'sway' }, [], names())).toBeNull();
    expect(
      passwordStoreSwitch(
        { XDG_CURRENT_DESKTOP: 'sway' },
        ['--password-store=basic'],
        names('org.freedesktop.secrets'),
      ),
    ).toBeNull();
  });
});

describe('linuxTrayAvailable', () => {
  it('is true with a StatusNotifier host (KDE, GNOME with AppIndicator), or an X11 desktop with a classic tray', () => {
    expect(linuxTrayAvailable({ XDG_CURRENT_DESKTOP: 'GNOME' }, names('org.kde.StatusNotifierWatcher'))).toBe(true);
    expect(linuxTrayAvailable({ XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'x11' }, names())).toBe(true);
  });

  it('is false on plain GNOME (no tray) and on Wayland without a StatusNotifier host', () => {
    expect(linuxTrayAvailable({ XDG_CURRENT_DESKTOP: 'ubuntu:GNOME', XDG_SESSION_TYPE: 'wayland' }, names())).toBe(
      false,
    );
    expect(
      linuxTrayAvailable({ XDG_CURRENT_DESKTOP: 'XFCE', XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'w' }, names()),
    ).toBe(false);
    expect(linuxTrayAvailable({ XDG_CURRENT_DESKTOP: 'GNOME', XDG_SESSION_TYPE: 'x11' }, names())).toBe(false);
  });
});

describe('session bus names', () => {
  let daemon: ChildProcess | null = null;
  afterAll(() => void daemon?.kill());

  it('parses dbus-send output', () => {
    const output =
      'method return time=1 sender=org.freedesktop.DBus\n   array [\n      string "org.freedesktop.DBus"\n      string ":1.4"\n      string "org.freedesktop.secrets"\n   ]\n';
    expect(parseDbusNames(output)).toEqual(names('org.freedesktop.DBus', ':1.4', 'org.freedesktop.secrets'));
  });

  it('asks a real session bus (a private dbus-daemon), and finds nothing without one', async (context) => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/bus';
    expect(sessionBusNames()).toEqual(new Set());
    const started = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const address = await new Promise<string | null>((resolve) => {
      started.once('error', () => resolve(null));
      started.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    });
    if (!address) {
      process.env.DBUS_SESSION_BUS_ADDRESS = saved;
      context.skip('dbus-daemon is not installed here, so there is no session bus to ask');
    }
    daemon = started;
    process.env.DBUS_SESSION_BUS_ADDRESS = address ?? '';
    try {
      expect(sessionBusNames()).toContain('org.freedesktop.DBus');
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
