// What Electron reports to the engine's app lock: system input (for the idle count), the OS screen
// lock and going to sleep. Separate from LockController so that stays free of Electron.
import { powerMonitor } from 'electron';
import { idleClock } from '../os-adapters.js';
import type { LockController } from './lock-controller.js';
import { SystemInputReporter } from './system-input-reporter.js';

export function watchForLockTriggers(lock: LockController, onInput: () => void): SystemInputReporter {
  const engage = () => lock.lock();
  powerMonitor.on('lock-screen', engage);
  powerMonitor.on('suspend', engage);
  const reporter = new SystemInputReporter(idleClock, onInput);
  reporter.start();
  return reporter;
}
