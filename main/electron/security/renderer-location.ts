// Where the app's own page lives, and whether a URL or an IPC sender is that page. The built renderer is served
// from our own privileged scheme (app-protocol.ts), never file://, so "ours" is one origin: pm-app://renderer.
// VS Code's validatedIpcMain idea: a message counts only if it comes from our main frame at our origin.

export const APP_SCHEME = 'pm-app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface RendererLocation {
  /** The page the window loads: our scheme's index, or electron-vite's dev server in development. */
  readonly pageUrl: string;
  /** electron-vite's dev server URL, in development only. */
  readonly devUrl: string | null;
}

export function rendererLocation(devUrl: string | null): RendererLocation {
  return { pageUrl: devUrl ?? APP_INDEX_URL, devUrl };
}

/** True for any page of our scheme (pm-app://renderer, any path, #hash or ?query) or, in development, the dev server's origin. */
export function isOurRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devUrl && parsed.origin === new URL(location.devUrl).origin && parsed.origin !== 'null') return true;
  // Node's URL gives custom schemes no origin, so compare its parts: scheme and host, no user or port.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** The parts of Electron's IpcMainInvokeEvent the check reads (mocked in tests). */
export interface IpcSenderInfo {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/**
 * Accepts a call only from the main frame of our window showing our page. A navigated-away,
 * destroyed (null) or embedded frame, or any other webContents, is refused.
 */
export function createSenderCheck(
  location: RendererLocation,
  ourWebContentsId: () => number | null,
): (event: IpcSenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const expectedId = ourWebContentsId();
    if (expectedId === null || event.sender.id !== expectedId) return false;
    return isOurRendererUrl(frame.url, location);
  };
}
