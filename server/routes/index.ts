// Every route of API.md under /api/v1, grouped by topic.
import type { App } from '../http/app-type.js';
import type { ServerContext } from '../services/context.js';
import type { LiveHub } from '../live/live-hub.js';
import { registerAttachmentRoutes } from './attachments.js';
import { registerDirectoryRoutes } from './directory.js';
import { registerMessageRoutes } from './messages.js';
import { registerPortalRoutes } from './portal.js';
import { registerSessionRoutes } from './session.js';
import { registerSettingsRoutes } from './settings.js';
import { registerSyncRoutes } from './sync.js';
import { registerAuditRoutes } from './audit.js';
import { registerPortalThreadRoutes } from './portal-threads.js';
import { registerTemplateRoutes } from './templates.js';
import { registerThreadStateRoutes } from './thread-state.js';

export function registerRoutes(app: App, ctx: ServerContext, live: LiveHub): void {
  registerSessionRoutes(app, ctx, live);
  registerDirectoryRoutes(app, ctx);
  registerMessageRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerSettingsRoutes(app, ctx);
  registerSyncRoutes(app, ctx, live);
  registerPortalRoutes(app, ctx);
  registerPortalThreadRoutes(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerThreadStateRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
}
