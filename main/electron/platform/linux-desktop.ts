// What a Linux desktop offers, decided before Electron is ready: a tray (for "close to tray"), and which keyring
// Chromium should use. Chromium picks libsecret or KWallet only on desktops it recognises (electron#39789); on any
// other (sway, i3, MATE, LXQt...) it falls back to a hard-coded key even when a Secret Service runs.

/** Desktops (XDG_CURRENT_DESKTOP tokens) whose keyring Chromium finds by itself. */
const CHROMIUM_KNOWN_DESKTOPS = new Set(['gnome', 'unity', 'pantheon', 'xfce', 'deepin', 'x-cinnamon', 'ukui', 'kde']);
/** Desktops with a classic (XEmbed) system tray on X11. */
const CLASSIC_TRAY_DESKTOPS = new Set(['xfce', 'mate', 'lxde', 'lxqt', 'x-cinnamon', 'budgie', 'unity', 'kde']);

const desktopTokens = (env: NodeJS.ProcessEnv) =>
  (env.XDG_CURRENT_DESKTOP ?? '')
    .split(':')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

/** `dbus-send --print-reply ... ListNames` output -> the bus names in it. */
export function parseDbusNames(output: string): Set<string> {
  return new Set([...output.matchAll(/string "([^"]+)"/g)].map((m) => m[1] ?? ''));
}

/** "gnome-libsecret" when Chromium would miss a running (or startable) Secret Service; null to leave it be. */
export function passwordStoreSwitch(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  busNames: Set<string>,
): string | null {
  if (argv.some((a) => a.startsWith('--password-store'))) return null; // the user chose
  if (desktopTokens(env).some((t) => CHROMIUM_KNOWN_DESKTOPS.has(t))) return null;
  return busNames.has('org.freedesktop.secrets') ? 'gnome-libsecret' : null;
}

/** A tray shows: a StatusNotifier host is on the bus, or an X11 desktop with a classic tray. */
export function linuxTrayAvailable(env: NodeJS.ProcessEnv, busNames: Set<string>): boolean {
  if (busNames.has('org.kde.StatusNotifierWatcher')) return true;
  const x11 = env.XDG_SESSION_TYPE === 'x11' || (!env.WAYLAND_DISPLAY && !!env.DISPLAY);
  return x11 && desktopTokens(env).some((t) => CLASSIC_TRAY_DESKTOPS.has(t));
}
