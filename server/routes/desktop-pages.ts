// What the server offers the desktop app outside the API: its updates (/updates/) and the page email alerts link to
// (/open). Registered at the root by http/app.ts, in one line.
import type { FastifyInstance } from 'fastify';
import { registerOpenPage } from './open-page.js';
import { registerUpdateFiles } from './update-files.js';

export interface DesktopPagesOptions {
  /** The published updates (services/updates/publish-update.ts: UPDATES_DIR or DATA_DIR/updates). */
  updatesFolder: string;
  /** The address desktop apps use for this server: PUBLIC_URL, else its own. */
  serverUrl(): string;
}

export function desktopPages(options: DesktopPagesOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    await registerUpdateFiles(app, options.updatesFolder);
    registerOpenPage(app, options.serverUrl);
  };
}
