// Second-wave desktop API methods (portal queue, mute, templates, audit). Until the engine stores
// them (after the cache redesign), each answers `not_available` with a sentence the UI can show.
import { workflowMethods, type DesktopHandlers } from '../../../common/desktop/index.js';
import { EngineError } from '../errors.js';
import type { HandlerContext } from './handler-context.js';

type WorkflowHandlers = Pick<DesktopHandlers, keyof typeof workflowMethods>;

const notAvailable = async (): Promise<never> => {
  throw new EngineError('not_available', 'This version of the app cannot do that yet.');
};

export function workflowHandlers(_ctx: HandlerContext): WorkflowHandlers {
  return {
    listPortalThreads: notAvailable,
    claimPortalThread: notAvailable,
    assignPortalThread: notAvailable,
    releasePortalThread: notAvailable,
    closePortalThread: notAvailable,
    setThreadMuted: notAvailable,
    listTemplates: notAvailable,
    saveTemplate: notAvailable,
    deleteTemplate: notAvailable,
    listAuditEvents: notAvailable,
    exportAuditCsv: notAvailable,
  };
}
