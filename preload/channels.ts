// IPC channel names, the preload's copy (it may not import main/): pm:call:<method>, pm:event:<event>.
// tests/electron-unit/ipc-channels.test.ts keeps these equal to main/electron/ipc/channels.ts.
import type { DesktopEventName, DesktopMethodName } from '../common/desktop/index.js';

export const callChannel = (method: DesktopMethodName): string => `pm:call:${method}`;
export const eventChannel = (event: DesktopEventName): string => `pm:event:${event}`;
