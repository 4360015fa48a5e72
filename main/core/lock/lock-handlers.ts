// Desktop API methods of the app lock: unlocking with the password (within the wrong-password limit),
// and the renderer's input reports.
import type { DesktopHandlers } from '../../../common/desktop/index.js';
import type { AccountManager } from '../session/account-manager.js';
import type { AppLock } from './app-lock.js';

export function lockHandlers(
  lock: AppLock,
  accounts: AccountManager,
): Pick<DesktopHandlers, 'unlock' | 'reportActivity'> {
  return {
    unlock: async ({ password }) => {
      const unlocked = await lock.attempts.judge(() => accounts.unlock(password));
      if (unlocked) lock.release('unlocked');
      return { unlocked };
    },
    reportActivity: async () => {
      lock.reportActivity();
      return { ok: true as const };
    },
  };
}
