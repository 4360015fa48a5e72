// Updates from the signed-in practice server, on electron-updater's generic provider: when they are on (policy,
// packaged, not an MSI install), the coordinator checks, downloads and asks to restart (main/core/update).
import { app, dialog, type BrowserWindow } from 'electron';
import electronUpdater from 'electron-updater';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ManagedPolicy } from '../../../common/desktop/index.js';
import { UpdateCoordinator } from '../../core/update/update-coordinator.js';
import { updateVerdict } from '../../core/update/update-policy.js';
import { configureUpdater } from './updater-settings.js';

export interface AppUpdatesDeps {
  policy: ManagedPolicy;
  productName: string;
  feedUrl(): string | null;
  isComposing(): Promise<boolean>;
  window(): BrowserWindow | null;
  log(line: string): void;
}

export async function askToRestart(version: string, window: BrowserWindow | null): Promise<'restart' | 'later'> {
  const options = {
    type: 'info' as const,
    title: 'Update ready',
    message: `Practice Messenger ${version} is ready to install.`,
    detail: 'Restart now to finish, or keep working: it installs when you next quit.',
    buttons: ['Restart now', 'Later'],
    defaultId: 1,
    cancelId: 1,
  };
  const result = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return result.response === 0 ? 'restart' : 'later';
}

/** Starts update checks, or returns null (with the reason logged) when this install does not update itself. */
export function startAppUpdates(deps: AppUpdatesDeps): UpdateCoordinator | null {
  const verdict = updateVerdict({
    isPackaged: app.isPackaged,
    platform: process.platform,
    policyUpdatesEnabled: deps.policy.updatesEnabled,
    nsisInstall: existsSync(join(dirname(process.execPath), `Uninstall ${deps.productName}.exe`)),
  });
  if (!verdict.enabled) {
    deps.log(`update: off (${verdict.reason})`);
    return null;
  }
  const { autoUpdater } = electronUpdater;
  configureUpdater(autoUpdater, deps.log);
  const coordinator = new UpdateCoordinator({
    updater: {
      // One range per request: plain file servers and proxies in between handle that; multipart ranges often not.
      setFeedURL: (options) => autoUpdater.setFeedURL({ ...options, useMultipleRangeRequest: false }),
      checkForUpdates: () => autoUpdater.checkForUpdates(),
      quitAndInstall: () => autoUpdater.quitAndInstall(),
      // autoUpdater.on is typed per event; the port names the same two events.
      on: (event: string, listener: (arg: never) => void) =>
        (autoUpdater.on as (name: string, handler: (arg: never) => void) => unknown).call(autoUpdater, event, listener),
    },
    feedUrl: deps.feedUrl,
    isComposing: deps.isComposing,
    askToRestart: (version) => askToRestart(version, deps.window()),
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
    log: deps.log,
  });
  coordinator.start();
  return coordinator;
}
