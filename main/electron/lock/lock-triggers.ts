// What engages the idle lock in Electron: the idle timer over powerMonitor, the OS screen lock, and
// going to sleep. Separate from LockController so that stays free of Electron.
import { powerMonitor } from 'electron';
import { idleClock } from '../os-adapters.js';
import { IdleLockTimer } from './idle-lock-timer.js';
import type { LockController } from './lock-controller.js';

export function watchForLockTriggers(lock: LockController): IdleLockTimer {
  const engage = () => void lock.lock();
  powerMonitor.on('lock-screen', engage);
  powerMonitor.on('suspend', engage);
  return new IdleLockTimer(idleClock, engage);
}
