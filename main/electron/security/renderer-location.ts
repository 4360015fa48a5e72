// Where the app's own page lives, and whether a URL or an IPC sender is that page.
// VS Code's validatedIpcMain idea: a message counts only if it comes from our main frame at our URL.
import { pathToFileURL } from 'node:url';

export interface RendererLocation {
  /** file:// URL of out/renderer/index.html. */
  readonly fileUrl: string;
  /** electron-vite's dev server URL, in development only. */
  readonly devUrl: string | null;
}

export function rendererLocation(indexHtmlPath: string, devUrl: string | null): RendererLocation {
  return { fileUrl: pathToFileURL(indexHtmlPath).href, devUrl };
}

/** True for our index page (any #hash or ?query) or, in development, any page of the dev server's origin. */
export function isOurRendererUrl(url: string, location: RendererLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devUrl && parsed.origin === new URL(location.devUrl).origin && parsed.origin !== 'null') return true;
  const ours = new URL(location.fileUrl);
  return parsed.protocol === 'file:' && parsed.host === ours.host && parsed.pathname === ours.pathname;
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
