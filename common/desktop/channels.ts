// IPC channel names between the preload and the Electron host, one per desktop API method and per
// event; both sides import them from here (Mattermost's src/common/communication.ts idea).
import type { DesktopEventName, DesktopMethodName } from './api.js';

export const callChannel = (method: DesktopMethodName): string => `pm:call:${method}`;
export const eventChannel = (event: DesktopEventName): string => `pm:event:${event}`;
