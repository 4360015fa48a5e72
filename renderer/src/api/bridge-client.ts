// Turns the Electron preload's outcome-returning bridge back into the DesktopApi the UI calls, throwing coded errors.
import {
  desktopMethodNames,
  type DesktopApi,
  type DesktopBridge,
  type DesktopOutcome,
} from '../../../common/desktop/index.js';
import { DesktopCallError } from './web-socket-client.js';

export function desktopApiFromBridge(bridge: DesktopBridge): DesktopApi {
  const api: Record<string, unknown> = { on: bridge.on };
  for (const name of desktopMethodNames) {
    const call = bridge[name] as (args: unknown) => Promise<DesktopOutcome<unknown>>;
    api[name] = async (args: unknown) => {
      const outcome = await call(args ?? {});
      if (outcome.ok) return outcome.value;
      throw new DesktopCallError(outcome.error.code, outcome.error.message);
    };
  }
  return api as DesktopApi;
}
