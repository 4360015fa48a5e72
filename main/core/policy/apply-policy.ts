// What a policy does to the user's preferences and sign-in: fixed keys replace the user's choice, maximums cap it.
import type { ManagedPolicy, NotificationPrivacy, Preferences } from '../../../common/desktop/index.js';

const PRIVACY_ORDER: readonly NotificationPrivacy[] = ['generic', 'sender', 'full'];

function atMost(choice: NotificationPrivacy, max: NotificationPrivacy | undefined): NotificationPrivacy {
  if (!max) return choice;
  return PRIVACY_ORDER.indexOf(choice) > PRIVACY_ORDER.indexOf(max) ? max : choice;
}

/** The preferences in force: the user's, within the administrator's policy. 0 (lock off) counts as above any maximum. */
export function preferencesWithinPolicy<P extends Preferences>(prefs: P, policy: ManagedPolicy): P {
  const max = policy.maxIdleLockMinutes;
  return {
    ...prefs,
    notificationPrivacy: atMost(prefs.notificationPrivacy, policy.maxNotificationContent),
    idleLockMinutes:
      max !== undefined && (prefs.idleLockMinutes === 0 || prefs.idleLockMinutes > max) ? max : prefs.idleLockMinutes,
    startAtLogin: policy.startAtLogin ?? prefs.startAtLogin,
    closeToTray: policy.closeToTray ?? prefs.closeToTray,
  };
}

/** Same server: scheme, host and port (a trailing slash or path does not matter). */
export function sameServer(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** null when signing in to `serverUrl` is allowed, else the sentence to show. */
export function serverRefusal(policy: ManagedPolicy, serverUrl: string): string | null {
  if (!policy.serverUrl || sameServer(policy.serverUrl, serverUrl)) return null;
  return `Your administrator set this computer to use the practice server ${policy.serverUrl} only.`;
}
