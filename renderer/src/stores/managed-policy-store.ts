// What the administrator fixed on this computer, and which host runs the app: read once, for the sign-in form and
// Message Settings (a managed setting shows as set by the administrator and can't be changed).
import { create } from 'zustand';
import type { ManagedPolicy } from '../../../common/desktop/index.js';
import { desktopApi } from '../api/client.js';

interface ManagedPolicyState {
  policy: ManagedPolicy;
  /** Start at login and close-to-tray exist only in the desktop app. */
  desktopApp: boolean;
  loaded: boolean;
  load(): Promise<void>;
}

export const useManagedPolicyStore = create<ManagedPolicyState>()((set, get) => ({
  policy: {},
  desktopApp: false,
  loaded: false,
  load: async () => {
    if (get().loaded) return;
    const [policy, info] = await Promise.all([
      desktopApi()
        .getManagedPolicy({})
        .catch(() => ({})),
      desktopApi()
        .getAppInfo({})
        .catch(() => null),
    ]);
    set({ policy, desktopApp: info?.host === 'electron', loaded: true });
  },
}));

export const ADMIN_SET = 'Set by your administrator.';
