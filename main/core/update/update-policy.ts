// Whether this copy of the app updates itself, and from where: the practice server it is signed in to serves the
// files an administrator published (`npm run server -- publish-update`), under /updates/.

export const UPDATES_PATH = '/updates/';

/** electron-updater's generic-provider URL for a practice server. */
export function updateFeedUrl(serverUrl: string): string {
  return new URL(UPDATES_PATH, new URL(serverUrl).origin).toString();
}

export interface InstallFacts {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  /** The administrator's policy key (undefined: not managed). */
  policyUpdatesEnabled: boolean | undefined;
  /** Windows: the NSIS uninstaller sits beside the executable (an MSI install has none). */
  nsisInstall: boolean;
}

export type UpdateVerdict = { enabled: true } | { enabled: false; reason: string };

/** Off in development, when policy says so, and for MSI installs (IT deploys those; NSIS would install beside them). */
export function updateVerdict(facts: InstallFacts): UpdateVerdict {
  if (!facts.isPackaged) return { enabled: false, reason: 'development run' };
  if (facts.policyUpdatesEnabled === false) return { enabled: false, reason: 'turned off by the administrator' };
  if (facts.platform === 'win32' && !facts.nsisInstall)
    return { enabled: false, reason: 'MSI install: IT deploys updates' };
  return { enabled: true };
}
