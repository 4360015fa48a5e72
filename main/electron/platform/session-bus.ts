// The session bus's names (running and startable), asked once at start with dbus-send: enough to know whether a
// tray host and a Secret Service exist. No D-Bus (or no dbus-send) means an empty set.
import { execFileSync } from 'node:child_process';
import { parseDbusNames } from './linux-desktop.js';

function ask(method: string): string {
  try {
    return execFileSync(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        `org.freedesktop.DBus.${method}`,
      ],
      { encoding: 'utf8', timeout: 1_500, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } catch {
    return '';
  }
}

export function sessionBusNames(): Set<string> {
  return new Set([...parseDbusNames(ask('ListNames')), ...parseDbusNames(ask('ListActivatableNames'))]);
}
