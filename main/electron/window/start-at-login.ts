// The "start at login" preference. Windows and macOS register a login item through Electron; Linux
// has none there, so we write an XDG autostart entry. Either way the app starts hidden in the tray: Windows and
// Linux pass our argument; macOS 13+ ignores "open as hidden", so there we ask whether the login item opened us.
import { START_HIDDEN_ARG } from '../app-config.js';

export interface LoginItemPort {
  platform: NodeJS.Platform;
  /** app.setLoginItemSettings (Windows, macOS). */
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
  /** Writes or removes ~/.config/autostart/<name>.desktop (Linux). */
  writeAutostartFile(contents: string | null): void;
  /** The command that starts this app: the executable (the AppImage when run as one) and its arguments. */
  launchCommand: readonly string[];
}

/** Quotes an argument for a .desktop Exec line (the spec's double-quote rules). */
const desktopQuote = (arg: string) => `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;

export function autostartDesktopEntry(appName: string, command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${appName}`,
    `Exec=${[...command, START_HIDDEN_ARG].map(desktopQuote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');
}

export function applyStartAtLogin(port: LoginItemPort, appName: string, enabled: boolean): void {
  if (port.platform === 'linux') {
    port.writeAutostartFile(enabled ? autostartDesktopEntry(appName, port.launchCommand) : null);
    return;
  }
  if (port.platform === 'darwin') {
    port.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  // Windows passes args, which we read back as START_HIDDEN_ARG.
  port.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? [START_HIDDEN_ARG] : [] });
}

/** What macOS says about this launch (app.getLoginItemSettings()); null elsewhere. */
export interface MacLaunchInfo {
  /** macOS 13+: opened by the login item. */
  wasOpenedAtLogin?: boolean;
  /** Before macOS 13 (deprecated): opened as a hidden login item. */
  wasOpenedAsHidden?: boolean;
}

/** Started by the login item: by our argument (Windows, Linux), or as macOS reports it. */
export function startedHidden(argv: readonly string[], mac: MacLaunchInfo | null): boolean {
  return argv.includes(START_HIDDEN_ARG) || mac?.wasOpenedAtLogin === true || mac?.wasOpenedAsHidden === true;
}
