// IPC channel names between the preload and the host: one per desktop API method and per event.
// preload/channels.ts repeats these (the preload may not import main/); a test keeps the two equal.
import type { DesktopEventName, DesktopMethodName } from '../../../common/desktop/index.js';

export const callChannel = (method: DesktopMethodName): string => `pm:call:${method}`;
export const eventChannel = (event: DesktopEventName): string => `pm:event:${event}`;
