// What the handler groups share: the account manager, preferences and the event emitter.
import type { DesktopEventName, DesktopEventPayload, Preferences } from '../../../common/desktop/index.js';
import type { EngineOptions } from '../host-ports.js';
import type { AccountManager } from '../session/account-manager.js';
import type { StatusTracker } from '../session/status-tracker.js';

export interface HandlerContext {
  options: EngineOptions;
  accounts: AccountManager;
  status: StatusTracker;
  preferences(): Preferences;
  savePreferences(patch: Partial<Preferences>): Preferences;
  emit<K extends DesktopEventName>(event: K, payload: DesktopEventPayload<K>): void;
}
