// Registers one ipcMain handler per desktop API method. Each checks the sender is our own page,
// asks the lock whether the call is allowed, then dispatches through main/core's one call pipeline.
import {
  callChannel,
  desktopMethodNames,
  type DesktopError,
  type DesktopHandlers,
  type DesktopMethodName,
} from '../../../common/desktop/index.js';
import { dispatchDesktopCall, type DispatchOutcome } from '../../core/bridge/dispatch.js';
import type { IpcSenderInfo } from '../security/renderer-location.js';

/** The slice of ipcMain used here (mocked in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderInfo, args: unknown) => Promise<DispatchOutcome>): void;
  removeHandler(channel: string): void;
}

export interface CallGate {
  refusal(method: DesktopMethodName): DesktopError | null;
  afterCall(method: DesktopMethodName, outcome: DispatchOutcome): void;
}

export interface DesktopIpcOptions {
  ipcMain: IpcMainLike;
  handlers: DesktopHandlers;
  isTrustedSender(event: IpcSenderInfo): boolean;
  gate: CallGate;
  log?(message: string): void;
}

export const forbiddenSenderError: DesktopError = {
  code: 'forbidden_sender',
  message: 'This request did not come from the app window.',
};

/** Returns a function that removes every handler again. */
export function registerDesktopIpc(options: DesktopIpcOptions): () => void {
  const log = options.log ?? ((message: string) => console.warn(message));
  for (const method of desktopMethodNames) {
    options.ipcMain.handle(callChannel(method), async (event, args) => {
      if (!options.isTrustedSender(event)) {
        // Never log the arguments: they may hold health information.
        log(`Refused a "${method}" call from a page that is not the app window.`);
        return { ok: false, error: forbiddenSenderError };
      }
      const refusal = options.gate.refusal(method);
      if (refusal) return { ok: false, error: refusal };
      const outcome = await dispatchDesktopCall(options.handlers, method, args);
      options.gate.afterCall(method, outcome);
      return outcome;
    });
  }
  return () => desktopMethodNames.forEach((method) => options.ipcMain.removeHandler(callChannel(method)));
}
