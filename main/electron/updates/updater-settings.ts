// How electron-updater is set up: download in the background, install when the app next quits (or when the user
// says restart), never a downgrade or a pre-release. Verification stays as electron-updater ships it: the sha512 of
// every download, and on Windows the installer's signature against the publisher in app-update.yml. Nothing here
// may switch those off (tests/electron-unit/app-updates.test.ts checks).

/** The settings of electron-updater's autoUpdater this app writes (faked in tests). */
export interface UpdaterSettings {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  fullChangelog: boolean;
  logger: { info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void } | null;
}

export function configureUpdater(updater: UpdaterSettings, log: (line: string) => void): void {
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.fullChangelog = false;
  // electron-updater says what it fetches and verifies (URLs, versions, file names of installers): useful to IT.
  const line = (level: string) => (message?: unknown) => log(`update ${level}: ${String(message).split('\n')[0]}`);
  updater.logger = { info: line('info'), warn: line('warn'), error: line('error') };
}
