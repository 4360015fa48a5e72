// The desktop engine: implements every desktop API method over the account's cache and sync.
// Hosts (Electron, the browser host) wrap `handlers` and forward `subscribe` events to the UI.
import {
  DEFAULT_WORKFLOW_PREFERENCES,
  desktopMethodNames,
  desktopMethods,
  Preferences,
  type DesktopHandlers,
  type DesktopMethodName,
} from '../../common/desktop/index.js';
import { InvalidCursorError } from './cache/message-queries.js';
import { EngineError, invalidArgument } from './errors.js';
import { TamperedFileError } from './files/file-store.js';
import { accountHandlers } from './handlers/account-handlers.js';
import type { HandlerContext } from './handlers/handler-context.js';
import { messageHandlers } from './handlers/message-handlers.js';
import { recordHandlers } from './handlers/record-handlers.js';
import { workflowHandlers } from './handlers/workflow-handlers.js';
import type { Engine, EngineListener, EngineOptions } from './host-ports.js';
import { AppLock } from './lock/app-lock.js';
import { systemClock } from './lock/idle-timer.js';
import { lockHandlers } from './lock/lock-handlers.js';
import { AccountManager } from './session/account-manager.js';
import { StatusTracker } from './session/status-tracker.js';
import { NetworkError, ServerError } from './sync/server-client.js';

export const DEFAULT_PREFERENCES: Preferences = {
  notificationPrivacy: 'generic',
  idleLockMinutes: 5,
  startAtLogin: false,
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
  const lock = new AppLock(options.clock ?? systemClock, broadcast);
  const emit: EngineListener = (event, payload) => lock.deliver(event, payload);
  let prefs: Preferences = { ...DEFAULT_PREFERENCES, ...options.preferences.load() };
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
      prefs = Preferences.parse({ ...prefs, ...patch });
      options.preferences.save(prefs);
      lock.setIdleMinutes(prefs.idleLockMinutes);
      return prefs;
    },
  };
  const handlers = guarded(
    {
      ...accountHandlers(ctx),
      ...messageHandlers(ctx),
      ...recordHandlers(ctx),
      ...workflowHandlers(ctx),
      ...lockHandlers(lock, accounts),
    },
    lock,
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

/** Every method is refused while locked (but those the lock screen needs), checks its arguments itself (hosts do too) and throws only EngineErrors. */
function guarded(raw: DesktopHandlers, lock: AppLock): DesktopHandlers {
  const out: Partial<Record<DesktopMethodName, unknown>> = {};
  for (const name of desktopMethodNames) {
    const schema = desktopMethods[name].args;
    const impl = raw[name] as (args: unknown) => Promise<unknown>;
    out[name] = async (args: unknown) => {
      const refusal = lock.refusal(name);
      if (refusal) throw refusal;
      const parsed = schema.safeParse(args ?? {});
      if (!parsed.success) throw invalidArgument(parsed.error);
      try {
        return await impl(parsed.data);
      } catch (error) {
        throw toEngineError(error);
      }
    };
  }
  return out as DesktopHandlers;
}

function toEngineError(error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  if (error instanceof NetworkError) return new EngineError('offline', error.message);
  if (error instanceof ServerError) {
    if (error.status === 404) return new EngineError('not_found', 'That item was not found on the practice server.');
    return new EngineError(error.code, error.message);
  }
  if (error instanceof TamperedFileError) return new EngineError('file_damaged', error.message);
  if (error instanceof InvalidCursorError) return new EngineError('invalid_arguments', 'The page cursor is not valid.');
  // The kind and where, never the message: it could quote health information.
  const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 4).join(' <') : '';
  console.error(`engine: unexpected ${error instanceof Error ? error.name : typeof error} ${where}`);
  return new EngineError('internal_error', 'Something went wrong in the app. Try again.');
}
