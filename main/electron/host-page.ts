// The page side of the host: the session's permission and CSP policy, the pm-app:// scheme serving the built
// renderer with that one CSP, and the application menu (with Help > Open logs folder).
import { app, dialog, Menu, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { appMenuTemplate } from './menu/app-menu.js';
import { rendererProtocolHandler } from './security/app-protocol.js';
import { rendererContentSecurityPolicy } from './security/content-security-policy.js';
import { APP_SCHEME, rendererLocation, type RendererLocation } from './security/renderer-location.js';
import { applySessionPolicy } from './security/session-policy.js';

/** Call after app 'ready' (the scheme's privileges were registered before it, in index.ts). */
export function servePage(rendererDir: string, devServerUrl: string | null): RendererLocation {
  const csp = rendererContentSecurityPolicy(devServerUrl);
  applySessionPolicy(session.defaultSession, csp);
  protocol.handle(
    APP_SCHEME,
    rendererProtocolHandler(rendererDir, csp, (file) => net.fetch(pathToFileURL(file).href)),
  );
  return rendererLocation(devServerUrl);
}

export function installAppMenu(logsFolder: string, appName: string, version: string): void {
  const template = appMenuTemplate(process.platform, !app.isPackaged, {
    openLogsFolder: () => void shell.openPath(logsFolder),
    showAbout: () =>
      void dialog.showMessageBox({ type: 'info', title: appName, message: `${appName} ${version}`, buttons: ['OK'] }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
