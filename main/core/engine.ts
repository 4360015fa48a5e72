// The desktop engine: implements every desktop API method over the account's cache and sync.
// Its `handlers` are the one call pipeline (bridge/dispatch.ts); hosts dispatch to them and forward events.
import { DEFAULT_WORKFLOW_PREFERENCES, Preferences } from '../../common/desktop/index.js';
import { validatedHandlers } from './bridge/dispatch.js';
import { accountHandlers } from './handlers/account-handlers.js';
import type { HandlerContext } from './handlers/handler-context.js';
import { messageHandlers } from './handlers/message-handlers.js';
import { recordHandlers } from './handlers/record-handlers.js';
import { workflowHandlers } from './handlers/workflow-handlers.js';
import type { Engine, EngineListener, EngineOptions } from './host-ports.js';
import { preferencesWithinPolicy } from './policy/apply-policy.js';
import { policyHandlers } from './policy/policy-handlers.js';
import { AppLock } from './lock/app-lock.js';
import { systemClock } from './lock/idle-timer.js';
import { lockHandlers } from './lock/lock-handlers.js';
import { AccountManager } from './session/account-manager.js';
import { StatusTracker } from './session/status-tracker.js';

export const DEFAULT_PREFERENCES: Preferences = {
  notificationPrivacy: 'generic',
  idleLockMinutes: 5,
  startAtLogin: false,
  closeToTray: true,
  lastPracticeId: null,
  ...DEFAULT_WORKFLOW_PREFERENCES,
};

export function createEngine(options: EngineOptions): Engine {
  const listeners = new Set<EngineListener>();
  const broadcast: EngineListener = (event, payload) => {
    for (const listener of listeners) {
      try {
        listener(event, payload);
      } catch {
        // One host listener failing must not stop the others or the engine.
      }
    }
  };
  // Every event passes the lock, which holds content events while the app is locked.
  const lock = new AppLock(options.clock ?? systemClock, broadcast, options.secrets);
  const emit: EngineListener = (event, payload) => lock.deliver(event, payload);
  const policy = options.policy ?? {};
  let prefs: Preferences = preferencesWithinPolicy({ ...DEFAULT_PREFERENCES, ...options.preferences.load() }, policy);
  lock.setIdleMinutes(prefs.idleLockMinutes);
  const status = new StatusTracker((s) => emit('syncStatus', s));
  const accounts = new AccountManager(options, {
    notifier: options.notifier,
    privacy: () => prefs.notificationPrivacy,
    alertPreferences: () => ({ urgentRealertMinutes: prefs.urgentRealertMinutes, quietHours: prefs.quietHours }),
    minuteMs: options.tuning?.minuteMs ?? 60_000,
    emit,
    status,
    syncPageSize: options.tuning?.syncPageSize,
    notificationWindowMs: options.tuning?.notificationWindowMs ?? 250,
  });
  const ctx: HandlerContext = {
    options,
    accounts,
    status,
    emit,
    preferences: () => prefs,
    savePreferences: (patch) => {
      prefs = preferencesWithinPolicy(Preferences.parse({ ...prefs, ...patch }), policy);
      options.preferences.save(prefs);
      lock.setIdleMinutes(prefs.idleLockMinutes);
      return prefs;
    },
  };
  const account = accountHandlers(ctx);
  const handlers = validatedHandlers(
    {
      ...account,
      ...messageHandlers(ctx),
      ...recordHandlers(ctx),
      ...workflowHandlers(ctx),
      ...lockHandlers(lock, accounts),
      ...policyHandlers(policy, account.signIn),
    },
    // While locked, every method but those the lock screen needs is refused before anything else.
    (method) => lock.refusal(method),
  );
  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await accounts.restore();
    },
    async stop() {
      lock.stop();
      await accounts.close();
    },
    reconnectNow() {
      accounts.sessionOrNull?.reconnectNow();
    },
    reportActivity: () => lock.reportActivity(),
    lockNow: () => lock.lock(),
    get locked() {
      return lock.locked;
    },
  };
}
